// The Stata export (.dta format 118) of the demo survey read back by ReadStat: every response,
// the same values as the CSV, variable labels and value labels in the chosen language (UTF-8),
// and dichotomies whose sums over valid firms are the dashboard's counts.
import fs from "node:fs";
import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getAttention } from "@/lib/analytics/results";
import { exportSurvey } from "@/lib/export/export-survey";
import { generateJilinDemoResponses } from "@/lib/demo/jilin-demo-data";
import { loadDemoExport, saveToFile, type DemoExport } from "@/tests/fixtures/demo-export";
import { describeWithCommand, runCommand } from "@/tests/setup/external-tools";

let demo: DemoExport;

beforeAll(async () => {
  demo = await loadDemoExport();
});

async function dtaFile(name: string, locale: "zh" | "en") {
  const file = await exportSurvey({
    db,
    actor: demo.researcher,
    survey: demo.survey,
    format: "dta",
    locale,
    values: "codes",
  });
  expect(file.filename).toMatch(/^jilin-2017-responses-\d{8}\.dta$/);
  return saveToFile(file.body, name);
}

type Metadata = { variables: { name: string; label?: string; categories?: { code: number; label: string }[] }[] };

describeWithCommand("readstat", "readstat", "the Stata export read by ReadStat", () => {
  it("has every response with the CSV's values and the dashboard's counts", async () => {
    const dta = await dtaFile("demo.dta", "en");
    const info = runCommand("readstat", [dta]);
    expect(info).toContain("Rows: 250");
    expect(info).toContain("Format version: 118");
    const csv = Papa.parse<Record<string, string>>(runCommand("readstat", [dta, "-"]).trim(), { header: true }).data;
    expect(csv).toHaveLength(250);
    const valid = csv.filter((r) => Number(r.valid) === 1);
    expect(valid).toHaveLength(226);

    const macro = await getAttention({
      db,
      survey: demo.dashboard,
      level: "macro",
      filter: { breakdowns: {} },
      measure: "cases",
      locale: "en",
    });
    // Stata names are at most 32 characters: macro_constraints_national_polic.
    const column = (code: string) => Object.keys(csv[0]).find((k) => `macro_constraints_${code}`.startsWith(k))!;
    for (const f of macro.factors)
      expect(valid.filter((r) => Number(r[column(f.code)]) === 1).length, f.code).toBe(f.count);

    const known = generateJilinDemoResponses()[0];
    const stored = await db.response.findFirstOrThrow({
      where: { surveyId: demo.survey.id, submissionId: known.submissionId },
    });
    const row = csv.find((r) => r.id === stored.id)!;
    expect(Number(row.employees)).toBe(known.answers.employees);
    expect(Number(row.duration_seconds)).toBe(known.durationSeconds);
    // %tc: milliseconds since 1 January 1960.
    expect(Number(row.started_at)).toBe(known.startedAt.getTime() - Date.UTC(1960, 0, 1));
    expect(row.collector_name).toBe("Paper questionnaires 2017");
  });

  it("carries variable and value labels in Chinese", async () => {
    const dta = await dtaFile("demo-zh.dta", "zh");
    const json = dta.replace(/\.dta$/, ".json");
    runCommand("extract_metadata", [dta, json]);
    const meta = JSON.parse(fs.readFileSync(json, "utf8")) as Metadata;
    const variable = (name: string) => meta.variables.find((v) => v.name === name)!;
    expect(variable("region").label).toBe("贵企业所在地区");
    expect(variable("region").categories?.[0]).toEqual({ code: 1, label: "长春市" });
    expect(variable("status").categories).toEqual([
      { code: 1, label: "已完成" },
      { code: 2, label: "填写中" },
    ]);
    expect(variable("macro_constraints_national_polic").label).toContain("国家优惠政策扶持");
    expect(variable("macro_constraints_national_polic").categories).toEqual([
      { code: 0, label: "未选" },
      { code: 1, label: "选中" },
    ]);

    const csv = Papa.parse<Record<string, string>>(runCommand("readstat", [dta, "-"]).trim(), { header: true }).data;
    const known = generateJilinDemoResponses()[0];
    const stored = await db.response.findFirstOrThrow({
      where: { surveyId: demo.survey.id, submissionId: known.submissionId },
    });
    const region = variable("region").categories!.find(
      (c) => c.code === Number(csv.find((r) => r.id === stored.id)!.region),
    );
    const option = demo.survey.definitions[0].sections[0].questions.find((q) => q.code === "region");
    expect(option && "options" in option && option.options.find((o) => o.code === known.answers.region)?.label.zh).toBe(
      region?.label,
    );
  });
});
