// The Stata export (.dta format 118) of the demo survey read back by ReadStat: every response,
// the same values as the CSV, variable labels and value labels in the chosen language (UTF-8),
// and dichotomies whose sums over valid firms are the dashboard's counts; text wider than a str#
// comes back whole from strL.
import fs from "node:fs";
import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getAttention } from "@/lib/analytics/results";
import { utf8Prefix } from "@/lib/export/binary-writer";
import type { ExportRecord } from "@/lib/export/export-columns";
import { exportLabels } from "@/lib/export/export-labels";
import { exportSurvey } from "@/lib/export/export-survey";
import { statisticalDataset } from "@/lib/export/statistical-variables";
import { writeDta } from "@/lib/export/write-dta";
import { generateJilinDemoResponses } from "@/lib/demo/jilin-demo-data";
import { loadDemoExport, saveToFile, type DemoExport } from "@/tests/fixtures/demo-export";
import { TEXT_QUESTION, withLongTextAnswers, withTextLimit } from "@/tests/fixtures/long-text-answers";
import { describeWithCommand, runCommand } from "@/tests/setup/external-tools";

let demo: DemoExport;

beforeAll(async () => {
  demo = await loadDemoExport();
});

async function dtaFile(name: string, locale: "zh" | "en", survey = demo.survey) {
  const file = await exportSurvey({
    db,
    actor: demo.researcher,
    survey,
    format: "dta",
    locale,
    values: "codes",
  });
  expect(file.filename).toMatch(/^jilin-2017-responses-\d{8}\.dta$/);
  return saveToFile(file.body, name);
}

type Metadata = { variables: { name: string; label?: string; categories?: { code: number; label: string }[] }[] };

const readRows = (dta: string) =>
  Papa.parse<Record<string, string>>(runCommand("readstat", [dta, "-"]).trim(), { header: true }).data;

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

  it("keeps text answers of 9000 bytes whole as strL, 256 and 255 bytes in a str256, and every other value", async () => {
    await withLongTextAnswers(demo.survey.id, async (responses) => {
      // As the demo asks for it (64 characters: a str256), and taking 5000 characters (a strL).
      const declared = await dtaFile("text-256.dta", "en");
      const long = await dtaFile("text-strl.dta", "en", withTextLimit(demo.survey, 5000));
      expect(runCommand("readstat", [long])).toContain("Rows: 250");
      const [declaredRows, longRows] = [readRows(declared), readRows(long)];
      expect(longRows).toHaveLength(250);
      const byId = (rows: Record<string, string>[], id: string) => rows.find((r) => r.id === id)!;
      for (const { id, text } of responses) {
        expect(byId(longRows, id)[TEXT_QUESTION]).toBe(text);
        // Cut to 256 bytes, never inside a character: the 9000-byte text keeps its first 85.
        expect(byId(declaredRows, id)[TEXT_QUESTION]).toBe(new TextDecoder().decode(utf8Prefix(text, 256)));
      }
      expect(responses.map((r) => Buffer.byteLength(r.text))).toEqual([9000, 256, 255]);
      const others = (r: Record<string, string>) => ({ ...r, [TEXT_QUESTION]: undefined });
      expect(longRows.map(others)).toEqual(declaredRows.map(others));
      const macro = await getAttention({
        db,
        survey: demo.dashboard,
        level: "macro",
        filter: { breakdowns: {} },
        measure: "cases",
        locale: "en",
      });
      const valid = longRows.filter((r) => Number(r.valid) === 1);
      const column = (code: string) => Object.keys(longRows[0]).find((k) => `macro_constraints_${code}`.startsWith(k))!;
      for (const f of macro.factors)
        expect(valid.filter((r) => Number(r[column(f.code)]) === 1).length, f.code).toBe(f.count);
    });
  });
});

it("fails a file with a strL, rather than contradict its map, when the texts change between its reads", async () => {
  const dataset = statisticalDataset({
    definitions: withTextLimit(demo.survey, 5000).definitions,
    locale: "en",
    labels: exportLabels("en"),
  });
  const record = (text: string): ExportRecord => ({
    id: "r1",
    status: "complete",
    screenedRule: null,
    screenedReason: null,
    locale: "en",
    collectorKind: null,
    collectorName: null,
    startedAt: new Date("2017-03-01T08:00:00Z"),
    completedAt: null,
    durationSeconds: null,
    weight: null,
    breakdowns: {},
    answers: { [TEXT_QUESTION]: text },
  });
  const once = (text: string) =>
    (async function* () {
      yield [record(text)];
    })();
  // Sized from "edited", the rows agree, then the texts are read as "edited later".
  const texts = ["edited", "edited later"];
  const body = writeDta({
    dataset,
    batches: once("edited"),
    reread: () => once(texts.shift()!),
    observations: 1,
    dataLabel: "Edited",
  });
  const reader = body.getReader();
  const readAll = async () => {
    while (!(await reader.read()).done);
  };
  await expect(readAll()).rejects.toThrow(/changed while the file was written/);
});
