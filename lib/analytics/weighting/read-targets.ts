// Reads population targets from CSV or JSON and checks them against the survey's breakdowns,
// listing every problem at its row and column (row 1 is the CSV header; JSON targets count their
// cells or margin rows from 2 likewise), so a researcher fixes the file once. Nothing is kept
// unless there is no problem. Browser-safe: the weighting form checks a file before sending it.
import Papa from "papaparse";
import {
  MAX_WEIGHTING_VARIABLES,
  WeightingTargetsSchema,
  type WeightingMethod,
  type WeightingTargets,
} from "./targets-schema";

export type TargetProblem = {
  row: number | null;
  column: string | null;
  value: string;
  /** A key under `weighting.problems` and its values. */
  reason: { key: string; values: Record<string, string | number> };
};

type Breakdown = { key: string; options: { code: string }[] };

const problem = (
  row: number | null,
  column: string | null,
  value: string,
  key: string,
  values: Record<string, string | number> = {},
): TargetProblem => ({ row, column, value, reason: { key: `weighting.problems.${key}`, values } });

const COUNT_COLUMNS = ["count", "population", "total"];

function readNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[,\s_]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** CSV text into targets (not yet checked against the survey), or the problems of the file. */
export function parseTargetsCsv(
  text: string,
  method: WeightingMethod,
): { targets: WeightingTargets } | { problems: TargetProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, "").trim(), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data.map((r) => r.map((c) => c.trim()));
  const problems: TargetProblem[] = [];
  if (rows.length === 0) return { problems: [problem(null, null, "", "noRows")] };
  const lower = header.map((h) => h.toLowerCase());

  if (method === "post_stratify") {
    const countAt = lower.findIndex((h) => COUNT_COLUMNS.includes(h));
    if (countAt < 0) return { problems: [problem(1, null, header.join(","), "noCountColumn")] };
    const variables = header.filter((_, i) => i !== countAt);
    if (variables.length === 0) return { problems: [problem(1, null, header.join(","), "noVariables")] };
    if (variables.length > MAX_WEIGHTING_VARIABLES)
      return { problems: [problem(1, null, header.join(","), "tooManyVariables", { max: MAX_WEIGHTING_VARIABLES })] };
    const cells = rows.map((cellsOfRow, i) => {
      const count = readNumber(cellsOfRow[countAt] ?? "");
      if (count === null) problems.push(problem(i + 2, header[countAt], cellsOfRow[countAt] ?? "", "notACount"));
      return {
        values: Object.fromEntries(variables.map((v) => [v, cellsOfRow[header.indexOf(v)] ?? ""])),
        count: count ?? 0,
      };
    });
    return problems.length ? { problems } : { targets: { method, variables, cells } };
  }

  const at = (name: string) => lower.indexOf(name);
  const missing = ["variable", "value", "total"].filter((c) => at(c) < 0);
  if (missing.length) return { problems: [problem(1, null, header.join(","), "marginColumns")] };
  const margins: { variable: string; totals: { value: string; total: number }[] }[] = [];
  rows.forEach((r, i) => {
    const variable = r[at("variable")] ?? "";
    const total = readNumber(r[at("total")] ?? "");
    if (total === null || total <= 0)
      problems.push(problem(i + 2, header[at("total")], r[at("total")] ?? "", "notATotal"));
    let margin = margins.find((m) => m.variable === variable);
    if (!margin) margins.push((margin = { variable, totals: [] }));
    margin.totals.push({ value: r[at("value")] ?? "", total: total ?? 0 });
  });
  if (margins.length > MAX_WEIGHTING_VARIABLES)
    problems.push(problem(null, "variable", "", "tooManyVariables", { max: MAX_WEIGHTING_VARIABLES }));
  return problems.length ? { problems } : { targets: { method, margins } };
}

/** Every way the targets do not fit the survey: unknown breakdowns or values, repeated cells. */
export function checkTargets(targets: WeightingTargets, breakdowns: Breakdown[]): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const parsed = WeightingTargetsSchema.safeParse(targets);
  if (!parsed.success) return [problem(null, null, "", "invalid")];
  const known = new Map(breakdowns.map((b) => [b.key, new Set(b.options.map((o) => o.code))]));
  const names = breakdowns.map((b) => b.key).join(", ");
  const checkValue = (row: number, variable: string, value: string) => {
    const codes = known.get(variable);
    if (codes && !codes.has(value))
      problems.push(problem(row, variable, value, "unknownValue", { variable, codes: [...codes].join(", ") }));
  };

  if (targets.method === "post_stratify") {
    for (const variable of targets.variables)
      if (!known.has(variable)) problems.push(problem(1, variable, variable, "unknownVariable", { breakdowns: names }));
    const seen = new Map<string, number>();
    targets.cells.forEach((cell, i) => {
      const row = i + 2;
      for (const variable of targets.variables) checkValue(row, variable, cell.values[variable] ?? "");
      const key = targets.variables.map((v) => cell.values[v] ?? "").join("\u0000");
      if (seen.has(key))
        problems.push(problem(row, null, key.replaceAll("\u0000", ", "), "duplicateCell", { first: seen.get(key)! }));
      else seen.set(key, row);
    });
    return problems;
  }

  const sums = targets.margins.map((m) => m.totals.reduce((n, t) => n + t.total, 0));
  if (sums.some((sum) => Math.abs(sum - sums[0]) > 1e-9 * sums[0]))
    problems.push(
      problem(null, "total", "", "marginTotalsDiffer", {
        totals: targets.margins.map((m, i) => `${m.variable} ${sums[i]}`).join("; "),
      }),
    );
  let row = 1;
  for (const margin of targets.margins) {
    const seen = new Set<string>();
    for (const { value } of margin.totals) {
      row++;
      if (!known.has(margin.variable)) {
        problems.push(problem(row, "variable", margin.variable, "unknownVariable", { breakdowns: names }));
        continue;
      }
      checkValue(row, margin.variable, value);
      if (seen.has(value)) problems.push(problem(row, "value", value, "duplicateValue", { variable: margin.variable }));
      seen.add(value);
    }
  }
  return problems;
}
