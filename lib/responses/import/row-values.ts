// One row of a response file as answers and response fields, through the column mapping. Cells
// that cannot be read (a date that is no date, an option that is not one, a 0/1 cell holding 7)
// become problems at their row and column; the answers then pass the same check as an online
// submission, and its issues are placed at the column that holds the answer. Pure.
import { answerIssues } from "@/lib/questionnaire/answer-validation";
import type { AnswerValue, Answers } from "@/lib/questionnaire/answer-values";
import type { Locale, QuestionDefinition, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { issueMessageOf } from "@/lib/questionnaire/answer-issue-message";
import { keepVisibleAnswers } from "@/lib/questionnaire/visibility";
import { exportLabels } from "@/lib/export/export-labels";
import type { SheetRow } from "@/lib/text/read-sheets";
import { importTargets, type ColumnMapping, type ImportField, type ImportTarget } from "./map-columns";
import { problem, type ImportProblem } from "./import-problem";

const SCREENING_RULES = ["too_fast", "duplicate_firm", "consistency", "manual"] as const;
export type ImportedScreeningRule = (typeof SCREENING_RULES)[number];

export type RowValues = {
  row: number;
  answers: Answers;
  completedAt: Date | null;
  startedAt: Date | null;
  durationSeconds: number | null;
  locale: Locale | null;
  screenedRule: ImportedScreeningRule | null;
  screenedReason: string | null;
  problems: ImportProblem[];
};

const same = (a: string, b: string | undefined) => b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** A code, or a label in either language (an export with labels instead of codes). */
function byCodeOrLabel<T extends { code: string; label: { zh?: string; en?: string } }>(items: T[], text: string) {
  return (
    items.find((i) => i.code === text.trim()) ?? items.find((i) => same(text, i.label.zh) || same(text, i.label.en))
  );
}

/** "2017-06-01", "2017-06-01 09:30", ISO 8601 with or without a zone (UTC when none), "2017/06/01". */
export function parseDate(text: string): Date | null {
  const m =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", zone] = m;
  const pad = (n: string) => n.padStart(2, "0");
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone ? zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2") : "Z"}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates JavaScript rolls over (2017-02-30 becomes 2017-03-02).
  return !zone && date.getUTCDate() !== Number(d) ? null : date;
}

const numberOf = (text: string) => (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : null);
const choiceTokens = (text: string) =>
  text
    .split(/[;,|\n]+/)
    .map((t) => t.trim())
    .filter(Boolean);

type Cell = { column: string; text: string };

export function rowValues(opts: {
  def: QuestionnaireDefinition;
  mapping: ColumnMapping;
  row: SheetRow;
  now: Date;
}): RowValues {
  const { def, row } = opts;
  const targets = importTargets(def);
  const problems: ImportProblem[] = [];
  const fields: Partial<Record<ImportField, Cell>> = {};
  const whole = new Map<string, Cell>();
  const parts = new Map<string, Map<string, Cell>>();
  const columnOf = new Map<string, string>();
  for (const [column, key] of Object.entries(opts.mapping)) {
    const target: ImportTarget | undefined = key ? targets.get(key) : undefined;
    if (!target) continue;
    const text = row.cells[column] ?? "";
    if (target.kind === "field") fields[target.field] = { column, text };
    else {
      const code = target.question.code;
      if (!columnOf.has(code)) columnOf.set(code, column);
      if (target.kind === "question") whole.set(code, { column, text });
      else parts.set(code, new Map([...(parts.get(code) ?? []), [target.part, { column, text }]]));
    }
  }
  const unreadable = new Set<string>();
  const bad: Bad = (cell, code, values) => {
    unreadable.add(cell.column);
    problems.push(problem(row.row, cell.column, cell.text, code, values));
    return undefined;
  };

  const answers: Record<string, AnswerValue> = {};
  for (const [code, cell] of whole) {
    if (!cell.text.trim()) continue;
    const q = targets.get(`question:${code}`) as Extract<ImportTarget, { kind: "question" }>;
    const value = wholeValue(q.question, cell, bad);
    if (value !== undefined) answers[code] = value;
  }
  for (const [code, cells] of parts) {
    const q = (targets.get(`part:${code}.${[...cells.keys()][0]}`) as Extract<ImportTarget, { kind: "part" }>).question;
    const value = partsValue(q, cells, bad);
    if (value !== undefined) answers[code] = value;
  }

  const date = (field: ImportField) => {
    const cell = fields[field];
    if (!cell?.text.trim()) return null;
    const parsed = parseDate(cell.text);
    if (!parsed) return bad(cell, "bad_date") ?? null;
    if (parsed > opts.now) return bad(cell, "future_date") ?? null;
    return parsed;
  };
  const completedAt = date("completed_at");
  const startedAt = date("started_at");
  if (completedAt && startedAt && startedAt > completedAt) bad(fields.started_at!, "started_after_completed");

  let durationSeconds: number | null = null;
  const duration = fields.duration_seconds;
  if (duration?.text.trim()) {
    const n = numberOf(duration.text);
    if (n === null || !Number.isInteger(n) || n < 0) bad(duration, "bad_duration");
    else durationSeconds = n;
  }

  let locale: Locale | null = null;
  const localeCell = fields.locale;
  if (localeCell?.text.trim()) {
    const found = (["zh", "en"] as const).find(
      (l) =>
        localeCell.text.trim() === l ||
        [exportLabels("en"), exportLabels("zh")].some((x) => same(localeCell.text, x.locales[l])),
    );
    if (found) locale = found;
    else bad(localeCell, "bad_locale");
  }

  let screenedRule: ImportedScreeningRule | null = null;
  const ruleCell = fields.screened_rule;
  if (ruleCell?.text.trim()) {
    const found = SCREENING_RULES.find(
      (r) =>
        ruleCell.text.trim() === r ||
        [exportLabels("en"), exportLabels("zh")].some((x) => same(ruleCell.text, x.rules[r])),
    );
    if (found) screenedRule = found;
    else bad(ruleCell, "bad_rule");
  }
  const screenedReason = fields.screened_reason?.text.trim() || null;

  for (const issue of answerIssues(def, answers)) {
    const code = String(issue.path[0]);
    const partColumn = issue.path[1] !== undefined ? parts.get(code)?.get(String(issue.path[1]))?.column : undefined;
    const column = partColumn ?? columnOf.get(code) ?? null;
    // A cell that could not be read is reported once, not again as a missing answer.
    if (column && unreadable.has(column)) continue;
    const message = issueMessageOf(issue, def, locale ?? def.defaultLocale ?? "zh");
    problems.push({
      row: row.row,
      column,
      value: column ? (row.cells[column] ?? "") : "",
      reason: { key: `respondent.issues.${message.key}`, values: message.values },
    });
  }
  return {
    row: row.row,
    answers: keepVisibleAnswers(def, answers),
    completedAt,
    startedAt,
    durationSeconds,
    locale,
    screenedRule,
    screenedReason,
    problems,
  };
}

type Bad = (cell: Cell, code: string, values?: Record<string, string | number>) => undefined;

/** The answer held by one cell for a whole question. */
function wholeValue(q: QuestionDefinition, cell: Cell, bad: Bad): AnswerValue | undefined {
  const text = cell.text.trim();
  switch (q.type) {
    case "single": {
      const option = byCodeOrLabel(q.options, text);
      return option ? option.code : bad(cell, "unknown_option", { option: text });
    }
    case "multi":
    case "rank": {
      const tokens = choiceTokens(text);
      const codes = tokens.map((t) => byCodeOrLabel(q.options, t)?.code);
      const unknown = tokens.find((_, i) => !codes[i]);
      return unknown === undefined ? (codes as string[]) : bad(cell, "unknown_option", { option: unknown });
    }
    case "scale": {
      const n = numberOf(text) ?? byScaleLabel(q, text);
      return n ?? bad(cell, "not_a_number");
    }
    case "number": {
      const n = numberOf(text);
      return n ?? bad(cell, "not_a_number");
    }
    case "text":
      return cell.text;
    case "matrix":
      return undefined;
  }
}

function byScaleLabel(q: Extract<QuestionDefinition, { scale: unknown }>, text: string): number | null {
  return q.scale.points?.find((p) => same(text, p.label.zh) || same(text, p.label.en))?.value ?? null;
}

/** The answer held by one column per option (0/1, or a rank number) or per matrix row. */
function partsValue(q: QuestionDefinition, cells: Map<string, Cell>, bad: Bad): AnswerValue | undefined {
  const filled = [...cells].filter(([, c]) => c.text.trim() !== "");
  if (filled.length === 0) return undefined;
  if (q.type === "multi") {
    const chosen: string[] = [];
    for (const [code, cell] of filled) {
      const text = cell.text.trim().toLowerCase();
      if (["1", "yes", "true", "x"].includes(text)) chosen.push(code);
      else if (!["0", "no", "false"].includes(text)) bad(cell, "not_zero_one");
    }
    return chosen;
  }
  if (q.type === "rank") {
    const ranked: [string, number][] = [];
    for (const [code, cell] of filled) {
      const n = numberOf(cell.text);
      if (n === null || !Number.isInteger(n) || n < 1) bad(cell, "bad_rank");
      else ranked.push([code, n]);
    }
    return ranked.sort((a, b) => a[1] - b[1]).map(([code]) => code);
  }
  if (q.type === "matrix") {
    const grid: Record<string, number> = {};
    for (const [code, cell] of filled) {
      const n = numberOf(cell.text) ?? byScaleLabel(q, cell.text);
      if (n === null) bad(cell, "not_a_number");
      else grid[code] = n;
    }
    return grid;
  }
  return undefined;
}
