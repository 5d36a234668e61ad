import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { parseXlsform } from "@/lib/questionnaire/xlsform/parse-xlsform";
import { parseRelevant, writeRelevant } from "@/lib/questionnaire/xlsform/relevant-expression";
import { writeXlsform } from "@/lib/questionnaire/xlsform/write-xlsform";

/** A workbook from rows, the first row of each sheet its header. */
async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("XLSForm round trip", () => {
  for (const template of TEMPLATES)
    it(`exports and re-imports the ${template.code} template unchanged`, async () => {
      const definition = QuestionnaireDefinitionSchema.parse(template.definition);
      const result = await parseXlsform(await writeXlsform(definition));
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.notMapped).toEqual([]);
      expect(result.ok && result.definition).toStrictEqual(definition);
    });
});

const KOBO_SURVEY = [
  ["type", "name", "label::English (en)", "label::Chinese (zh)", "required", "relevant", "constraint", "calculation"],
  ["begin_group", "profile", "Profile", "企业概况", null, null, null, null],
  ["note", "intro", "About your firm", "关于贵企业", null, null, null, null],
  ["select_one yn", "innovates", "Did you innovate?", "是否创新？", "yes", null, null, null],
  ["integer", "staff", "Employees", "员工人数", "true", "${innovates} = 'yes'", ". >= 0 and . <= 100", null],
  [
    "select_multiple barriers",
    "barriers",
    "Barriers",
    "障碍",
    null,
    "selected(${innovates}, 'yes') or ${staff} >= 10",
    null,
    null,
  ],
  ["text", "why", "Why?", "原因", null, "${staff} > 5", "regex(., '^[a-z]+$')", null],
  ["calculate", "score", null, null, null, null, null, "${staff} * 2"],
  ["end_group", null, null, null, null, null, null, null],
];
const KOBO_CHOICES = [
  ["list_name", "name", "label::English (en)", "label::Chinese (zh)", "label::French (fr)", "factor"],
  ["yn", "yes", "Yes", "是", "Oui", null],
  ["yn", "no", "No", "否", "Non", null],
  ["barriers", "cost", "Costs", "成本", null, "costs"],
  ["barriers", "none", "None", "无", null, null],
];

describe("XLSForm import", () => {
  it("maps Kobo columns, relevant and constraint, and lists what it cannot map by sheet, row and column", async () => {
    const file = await workbook({
      survey: KOBO_SURVEY,
      choices: KOBO_CHOICES,
      settings: [
        ["form_title", "form_id", "default_language"],
        ["Firm survey", "firm_survey", "English (en)"],
      ],
      factors: [
        ["code", "level", "label::English (en)", "label::Chinese (zh)"],
        ["costs", "micro", "Costs", "成本"],
      ],
    });
    const result = await parseXlsform(file);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const [section] = result.definition.sections;
    expect(result.definition.code).toBe("firm_survey");
    expect(result.definition.locales).toEqual(["zh", "en"]);
    expect(section.title).toEqual({ en: "Profile", zh: "企业概况" });
    expect(section.description).toEqual({ en: "About your firm", zh: "关于贵企业" });
    const [innovates, staff, barriers, why] = section.questions;
    expect(innovates).toMatchObject({ type: "single", required: true });
    expect(staff).toMatchObject({
      type: "number",
      integer: true,
      min: 0,
      max: 100,
      showIf: { question: "innovates", op: "equals", value: "yes" },
    });
    expect(barriers).toMatchObject({
      type: "multi",
      options: [{ code: "cost", factor: "costs" }, { code: "none" }],
      showIf: {
        any: [
          // selected() of a single choice is its equals comparison.
          { question: "innovates", op: "equals", value: "yes" },
          { question: "staff", op: "gte", value: 10 },
        ],
      },
    });
    expect(why).toMatchObject({ type: "text" });
    expect(why.showIf).toBeUndefined();
    expect(result.notMapped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "survey", row: 7, column: "relevant", code: "relevant_not_mapped" }),
        expect.objectContaining({ sheet: "survey", row: 7, column: "constraint", code: "constraint_not_mapped" }),
        expect.objectContaining({ sheet: "survey", row: 8, column: "type", code: "unsupported_type" }),
        expect.objectContaining({ sheet: "survey", row: 8, column: "calculation", code: "column_ignored" }),
        expect.objectContaining({
          sheet: "choices",
          row: 2,
          column: "label::French (fr)",
          code: "language_not_supported",
        }),
      ]),
    );
    expect(result.notMapped).toHaveLength(5);
  });

  it("refuses a form whose choices name an undeclared factor, at that choice's row and factor column", async () => {
    const file = await workbook({ survey: KOBO_SURVEY.slice(0, 6).concat([KOBO_SURVEY[8]]), choices: KOBO_CHOICES });
    const result = await parseXlsform(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        sheet: "choices",
        row: 4,
        column: "factor",
        message: expect.stringContaining("costs"),
      }),
    );
  });

  it("refuses a select whose list is missing and a group left open, naming their rows", async () => {
    const file = await workbook({
      survey: [
        ["type", "name", "label"],
        ["begin_group", "g", "Group"],
        ["select_one nowhere", "q1", "Question"],
      ],
    });
    const result = await parseXlsform(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ sheet: "survey", row: 3, column: "type", code: "unknown_list" }),
      expect.objectContaining({ sheet: "survey", row: 2, column: "type", code: "unclosed_group" }),
    ]);
  });

  it("says so when the file is not a workbook", async () => {
    const result = await parseXlsform(new TextEncoder().encode("type,name\ntext,q1\n"));
    expect(result).toMatchObject({ ok: false, errors: [{ code: "not_a_workbook" }] });
  });
});

describe("relevant expressions", () => {
  it("read and write every showIf operator, nested and/or included", () => {
    const source =
      "${a} = 'x' and (${b} != 'y' or selected(${c}, 'z')) and not(selected(${c}, 'w')) and ${n} >= 3 and ${n} <= 9 and ${t} != '' and ${u} = ''";
    const condition = parseRelevant(source);
    expect(condition).toEqual({
      all: [
        { question: "a", op: "equals", value: "x" },
        {
          any: [
            { question: "b", op: "not_equals", value: "y" },
            { question: "c", op: "includes", value: "z" },
          ],
        },
        { question: "c", op: "excludes", value: "w" },
        { question: "n", op: "gte", value: 3 },
        { question: "n", op: "lte", value: 9 },
        { question: "t", op: "answered" },
        { question: "u", op: "not_answered" },
      ],
    });
    expect(parseRelevant(writeRelevant(condition))).toEqual(condition);
  });

  it("refuses what showIf cannot hold", () => {
    for (const source of ["${a} > 3", "count-selected(${b}) >= 2", "${a} = ${b}", "${a} = 'x' and"])
      expect(() => parseRelevant(source), source).toThrow();
  });
});
