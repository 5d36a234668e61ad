// The SPSS export of the demo survey read back by GNU PSPP (and by the sav-reader package): every
// multi-select question is a multiple-dichotomy set, and the attention shares PSPP computes from
// it (cases with at least one counted value, as MULT RESPONSE and CTABLES count them) equal the
// dashboard's; labels come in the chosen language; "don't know" codes are user-missing; dates
// are SPSS dates; the dashboard's filter and "valid only" reach the file; text longer than 255
// bytes comes back whole, from very long strings.
import fs from "node:fs";
import Papa from "papaparse";
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getAttention } from "@/lib/analytics/results";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import { exportSurvey } from "@/lib/export/export-survey";
import { exportLabels } from "@/lib/export/export-labels";
import { statisticalDataset } from "@/lib/export/statistical-variables";
import { writeSav } from "@/lib/export/write-sav";
import { generateJilinDemoResponses } from "@/lib/demo/jilin-demo-data";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import type { ExportRecord } from "@/lib/export/export-columns";
import { utf8Prefix } from "@/lib/export/binary-writer";
import { loadDemoExport, saveToFile, type DemoExport } from "@/tests/fixtures/demo-export";
import { TEXT_QUESTION, withLongTextAnswers, withTextLimit } from "@/tests/fixtures/long-text-answers";
import { SavBufferReader } from "@/tests/fixtures/sav-reader";
import { frequency, runPspp, type PsppTable } from "@/tests/fixtures/pspp-output";
import { describeWithCommand } from "@/tests/setup/external-tools";

const LEVELS = ["macro", "middle", "micro"] as const;
let demo: DemoExport;

beforeAll(async () => {
  demo = await loadDemoExport();
});

async function savFile(name: string, options: Partial<Parameters<typeof exportSurvey>[0]> = {}) {
  const file = await exportSurvey({
    db,
    actor: demo.researcher,
    survey: demo.survey,
    format: "sav",
    locale: "en",
    values: "codes",
    ...options,
  });
  expect(file.contentType).toBe("application/x-spss-sav");
  expect(file.filename).toMatch(/^jilin-2017-responses-\d{8}\.sav$/);
  return saveToFile(file.body, name);
}

/** PSPP's members of each multiple-response set (MRSETS /DISPLAY). */
function setMembers(tables: PsppTable[]): Record<string, string[]> {
  const table = tables.find((t) => t.title === "Multiple Response Sets")!;
  const [head, ...rows] = table.rows;
  const name = head.indexOf("Name");
  const members = head.indexOf("Member Variables");
  return Object.fromEntries(rows.map((r) => [r[name], r[members].split("\n")]));
}

/**
 * For each set: the base (valid cases with at least one counted value) and each member's count,
 * from FREQUENCIES over those cases. PSPP 1.6 has no MULT RESPONSE or CTABLES; this selection is
 * how both of them define a dichotomy set's base.
 */
function setShares(sav: string, selectValid: boolean) {
  const first = runPspp("mrsets", `GET FILE='${sav}'.\nMRSETS /DISPLAY NAME=ALL.\n`);
  const sets = setMembers(first.tables);
  const syntax = [
    `GET FILE='${sav}'.`,
    ...(selectValid ? ["SELECT IF valid = 1."] : []),
    ...Object.values(sets).flatMap((members) => [
      "TEMPORARY.",
      `COUNT mentions = ${members.join(" ")} (1).`,
      "SELECT IF mentions > 0.",
      `FREQUENCIES VARIABLES=${members.join(" ")} /STATISTICS=NONE.`,
    ]),
  ].join("\n");
  const { tables } = runPspp("shares", syntax);
  const frequencies = tables.filter((t) => t.rows[0]?.[2] === "Frequency");
  const result: Record<string, { base: number; counts: Record<string, number> }> = {};
  let at = 0;
  for (const [set, members] of Object.entries(sets)) {
    const counts: Record<string, number> = {};
    let base = 0;
    for (const member of members) {
      const { count, total } = frequency(frequencies[at++], "Selected");
      counts[member] = count;
      base = total;
    }
    result[set] = { base, counts };
  }
  return { sets, result };
}

async function expectDashboardShares(sav: string, filter: ResultsFilter, selectValid: boolean) {
  const { sets, result } = setShares(sav, selectValid);
  expect(Object.keys(sets).sort()).toEqual(["$macro_constraints", "$micro_constraints", "$middle_constraints"]);
  for (const level of LEVELS) {
    const api = await getAttention({ db, survey: demo.dashboard, level, filter, measure: "cases", locale: "en" });
    const set = result[`$${level}_constraints`];
    expect(set.base, level).toBe(api.base);
    // One member per factor the dashboard charts ("none" included), none for "don't know".
    expect(Object.keys(set.counts).sort()).toEqual(api.factors.map((f) => `${level}_constraints_${f.code}`).sort());
    for (const f of api.factors) expect(set.counts[`${level}_constraints_${f.code}`], f.code).toBe(f.count);
  }
}

describeWithCommand("pspp", "pspp", "the SPSS export read by PSPP", () => {
  it("gives the dashboard's attention shares through its multiple-response sets (n = 226; 156, 120, 61 …)", async () => {
    const sav = await savFile("demo.sav");
    await expectDashboardShares(sav, { breakdowns: {} }, true);
    const { result } = setShares(sav, true);
    expect(result.$macro_constraints.base).toBe(226);
    expect(result.$macro_constraints.counts.macro_constraints_national_policy).toBe(156);
    expect(result.$macro_constraints.counts.macro_constraints_fiscal_tax_support).toBe(120);
    expect(result.$macro_constraints.counts.macro_constraints_ip_protection).toBe(61);
  });

  it("holds the dashboard's filter and only valid responses when asked", async () => {
    const filter: ResultsFilter = { breakdowns: { region: "changchun" }, from: "2017-01-01", to: "2017-12-31" };
    const sav = await savFile("changchun.sav", { responses: { filter, validOnly: true } });
    const { tables } = runPspp("valid", `GET FILE='${sav}'.\nFREQUENCIES VARIABLES=valid region /STATISTICS=NONE.\n`);
    const valid = tables.find((t) => t.title.startsWith("Valid"))!;
    const region = tables.find((t) => t.title === "Where is your firm located?")!;
    const macro = await getAttention({
      db,
      survey: demo.dashboard,
      level: "macro",
      filter,
      measure: "cases",
      locale: "en",
    });
    expect(macro.base).toBeGreaterThan(50);
    expect(frequency(valid, "Yes")).toEqual({ count: macro.base, total: macro.base });
    expect(frequency(region, "Changchun")).toEqual({ count: macro.base, total: macro.base });
    await expectDashboardShares(sav, filter, false);
  });

  it("labels variables and values in the chosen language, with measurement levels and dates", async () => {
    const sav = await savFile("demo-zh.sav", { locale: "zh" });
    const { tables } = runPspp(
      "dictionary",
      `GET FILE='${sav}'.\nDISPLAY DICTIONARY /VARIABLES=region employees started_at macro_constraints_national_policy.\n` +
        `SELECT IF valid = 1.\nFREQUENCIES VARIABLES=region /STATISTICS=NONE.\n`,
    );
    const variables = tables.find((t) => t.title === "Variables")!;
    const [head, ...rows] = variables.rows;
    const field = (name: string, column: string) => rows.find((r) => r[0] === name)![head.indexOf(column)];
    expect(field("region", "Label")).toBe("贵企业所在地区");
    expect(field("region", "Measurement Level")).toBe("Nominal");
    expect(field("employees", "Measurement Level")).toBe("Scale");
    expect(field("started_at", "Print Format")).toBe("DATETIME20.0");
    expect(field("macro_constraints_national_policy", "Label")).toContain("国家优惠政策扶持");
    const region = tables.find((t) => t.title === "贵企业所在地区")!;
    expect(frequency(region, "长春市").count).toBeGreaterThan(90);
    expect(frequency(region, "长春市").total).toBe(226);

    const known = generateJilinDemoResponses()[0];
    const stored = await db.response.findFirstOrThrow({
      where: { surveyId: demo.survey.id, submissionId: known.submissionId },
    });
    const listed = runPspp(
      "dates",
      `GET FILE='${sav}'.\nSELECT IF id = '${stored.id}'.\nFORMATS started_at (DATETIME20).\nLIST VARIABLES=started_at duration_seconds.\n`,
    );
    const list = listed.tables.find((t) => t.title === "Data List")!;
    const started = known.startedAt;
    const months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    const two = (n: number) => String(n).padStart(2, "0");
    expect(list.rows[1][0].trim()).toBe(
      `${two(started.getUTCDate())}-${months[started.getUTCMonth()]}-${started.getUTCFullYear()} ` +
        `${two(started.getUTCHours())}:${two(started.getUTCMinutes())}:${two(started.getUTCSeconds())}`,
    );
    expect(Number(list.rows[1][1])).toBe(known.durationSeconds);
  });

  it("keeps text answers of 9000, 256 and 255 bytes whole, in very long strings, and every other value", async () => {
    await withLongTextAnswers(demo.survey.id, async (responses) => {
      /** The file's cases as PSPP writes them to CSV, and the text variable's print format. */
      const read = async (name: string, survey = demo.survey) => {
        const sav = await savFile(name, { survey });
        const csv = sav.replace(/\.sav$/, ".csv");
        const { tables } = runPspp(
          name,
          `GET FILE='${sav}'.\nDISPLAY DICTIONARY /VARIABLES=${TEXT_QUESTION}.\n` +
            `SAVE TRANSLATE /OUTFILE='${csv}' /TYPE=CSV /REPLACE /FIELDNAMES /CELLS=VALUES.\n`,
        );
        const [head, row] = tables.find((t) => t.title === "Variables")!.rows;
        const rows = Papa.parse<Record<string, string>>(fs.readFileSync(csv, "utf8").trim(), { header: true }).data;
        return { sav, format: row[head.indexOf("Print Format")], rows };
      };
      // As the demo asks for it (64 characters: 256 bytes, two segments) and taking 5000 (80 segments).
      const declared = await read("text-256.sav");
      const long = await read("text-20000.sav", withTextLimit(demo.survey, 5000));
      expect([declared.format, long.format]).toEqual(["A256", "A20000"]);
      expect(long.rows).toHaveLength(250);
      const byId = (rows: Record<string, string>[], id: string) => rows.find((r) => r.id === id)!;
      for (const { id, text } of responses) {
        expect(byId(long.rows, id)[TEXT_QUESTION]).toBe(text);
        // Cut to 256 bytes, never inside a character: the 9000-byte text keeps its first 85.
        const cut = new TextDecoder().decode(utf8Prefix(text, 256));
        expect(byId(declared.rows, id)[TEXT_QUESTION]).toBe(cut);
      }
      expect(responses.map((r) => Buffer.byteLength(r.text))).toEqual([9000, 256, 255]);
      // Segments shift every later variable by 79 × 32 units: their values, labels and sets stay.
      const others = (r: Record<string, string>) => ({ ...r, [TEXT_QUESTION]: undefined });
      expect(long.rows.map(others)).toEqual(declared.rows.map(others));
      await expectDashboardShares(long.sav, { breakdowns: {} }, true);
    });
  });

  it("declares don't-know codes as user-missing, so they leave the base", async () => {
    const t = (en: string) => ({ en, zh: en });
    const definition = QuestionnaireDefinitionSchema.parse({
      format: DEFINITION_FORMAT,
      code: "missing_codes",
      title: t("Missing codes"),
      locales: ["en"],
      sections: [
        {
          code: "s",
          title: t("S"),
          questions: [
            {
              code: "and",
              type: "single",
              label: t("Exports abroad?"),
              options: [
                { code: "yes", label: t("Yes") },
                { code: "no", label: t("No") },
                { code: "dont_know", label: t("Don't know"), nonSubstantive: true },
                { code: "refused", label: t("Refused"), nonSubstantive: true },
              ],
            },
            {
              code: "obstacle",
              type: "scale",
              label: t("How severe an obstacle?"),
              scale: {
                min: 0,
                max: 4,
                points: [
                  { value: 0, label: t("No obstacle") },
                  { value: 4, label: t("Very severe") },
                  { value: 5, label: t("Don't know"), nonSubstantive: true },
                  { value: 6, label: t("Does not apply"), nonSubstantive: true },
                ],
              },
            },
          ],
        },
      ],
    });
    const record = (answers: Record<string, unknown>, i: number): ExportRecord => ({
      id: `r${i}`,
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
      answers,
    });
    const records = [
      { and: "yes", obstacle: 4 },
      { and: "no", obstacle: 0 },
      { and: "dont_know", obstacle: 5 },
      { and: "refused", obstacle: 6 },
    ].map(record);
    const dataset = statisticalDataset({ definitions: [definition], locale: "en", labels: exportLabels("en") });
    const body = writeSav({
      dataset,
      batches: (async function* () {
        yield records;
      })(),
      cases: records.length,
      fileLabel: "Missing codes",
    });
    const sav = await saveToFile(body, "missing.sav");
    const { tables } = runPspp(
      "missing",
      `GET FILE='${sav}'.\nDISPLAY DICTIONARY /VARIABLES=and_ obstacle.\nFREQUENCIES VARIABLES=and_ obstacle /STATISTICS=NONE.\n`,
    );
    const variables = tables.find((x) => x.title === "Variables")!;
    const [head, ...rows] = variables.rows;
    const missing = (name: string) => rows.find((r) => r[0] === name)![head.indexOf("Missing Values")];
    // "and" is reserved in SPSS syntax: the variable is and_.
    expect(missing("and_")).toMatch(/^LOWEST THRU -1/);
    expect(missing("obstacle")).toBe("5; 6");
    const answered = tables.find((x) => x.title === "Exports abroad?")!;
    expect(answered.rows.find((r) => r[0] === "Valid")?.[1]).toBe("Yes");
    expect(answered.rows.filter((r) => r[1] === "Don't know" || r[1] === "Refused").map((r) => r[0])).toEqual([
      "Missing",
      "",
    ]);
    expect(answered.rows.find((r) => r[0] === "Total")?.[2]).toBe("4");
    const validPercent = answered.rows.find((r) => r[1] === "Yes")![4];
    expect(validPercent).toBe("50.0%");
  });
});

it("is read by the sav-reader package with its labels and every case", async () => {
  const sav = await savFile("demo-sav-reader.sav");
  const reader = new SavBufferReader(fs.readFileSync(sav));
  await reader.open();
  expect(reader.meta.header.n_cases).toBe(250);
  expect(reader.meta.header.encoding).toBe("UTF-8");
  const region = reader.meta.sysvars.find((v) => v.name === "region")!;
  expect(region.label).toBe("Where is your firm located?");
  const labels = reader.meta.valueLabels.find((l) => l.appliesToNames?.includes("region"))!;
  expect(labels.entries[0]).toEqual({ val: 1, label: "Changchun" });
  const rows = await reader.readAllRows();
  expect(rows).toHaveLength(250);
  expect(rows.filter((r) => r.valid === 1)).toHaveLength(226);
});
