import { describe, expect, it } from "vitest";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { getTemplate } from "@/lib/questionnaire/templates";
import { autoMapColumns, mappingProblems } from "@/lib/responses/import/map-columns";
import { parseDate, rowValues } from "@/lib/responses/import/row-values";

const jilin = QuestionnaireDefinitionSchema.parse(getTemplate("jilin_small_micro")!.definition);
const wbes = QuestionnaireDefinitionSchema.parse(getTemplate("wbes_obstacles")!.definition);
const now = new Date("2026-12-02T00:00:00Z");
const row = (cells: Record<string, string>) => ({ row: 2, cells });

describe("matching a file's columns to the survey", () => {
  it("finds codes, [code] headings of our export, labels and the export's own headings in both languages", () => {
    const mapping = autoMapColumns(
      [
        "Where is your firm located? [region]",
        "industry",
        "贵企业现有从业人员数",
        "Support from national preferential policies [macro_constraints.national_policy]",
        "完成时间（UTC）",
        "Completed at (UTC)",
        "Response ID",
      ],
      jilin,
    );
    expect(mapping).toMatchObject({
      "Where is your firm located? [region]": "question:region",
      industry: "question:industry",
      贵企业现有从业人员数: "question:employees",
      "Support from national preferential policies [macro_constraints.national_policy]":
        "part:macro_constraints.national_policy",
      "Response ID": "",
    });
    // One column per target: the second completion-date heading is left unmapped.
    const dates = Object.entries(mapping).filter(([, t]) => t === "field:completed_at");
    expect(dates).toHaveLength(1);
  });

  it("refuses a mapping that feeds a target twice, or a question both whole and by option", () => {
    expect(
      mappingProblems(
        {
          a: "question:region",
          b: "question:region",
          c: "question:macro_constraints",
          d: "part:macro_constraints.none",
          e: "question:nope",
        },
        jilin,
      ).map((p) => [p.code, p.column]),
    ).toEqual([
      ["target_twice", "b"],
      ["unknown_target", "e"],
      ["whole_and_parts", "d"],
    ]);
  });
});

describe("reading a row", () => {
  const mapping = {
    region: "question:region",
    industry: "question:industry",
    employees: "question:employees",
    stage: "question:lifecycle_stage",
    macro: "question:macro_constraints",
    "middle.none": "part:middle_constraints.none",
    "middle.info": "part:middle_constraints.information_sharing",
    micro: "question:micro_constraints",
    done: "field:completed_at",
  };

  it("accepts codes or labels, separated choices and 0/1 columns, and the row's own completion date", () => {
    const values = rowValues({
      def: jilin,
      mapping,
      now,
      row: row({
        region: "长春市",
        industry: "Manufacturing",
        employees: "8",
        stage: "seed",
        macro: "national_policy; ip_protection",
        "middle.none": "0",
        "middle.info": "1",
        micro: "None of these",
        done: "2017-06-01 09:30",
      }),
    });
    expect(values.problems).toEqual([]);
    expect(values.answers).toEqual({
      region: "changchun",
      industry: "manufacturing",
      employees: 8,
      lifecycle_stage: "seed",
      macro_constraints: ["national_policy", "ip_protection"],
      middle_constraints: ["information_sharing"],
      micro_constraints: ["none"],
    });
    expect(values.completedAt?.toISOString()).toBe("2017-06-01T09:30:00.000Z");
  });

  it("reports each unreadable cell once, at its column, with the value", () => {
    const values = rowValues({
      def: jilin,
      mapping,
      now,
      row: row({
        region: "atlantis",
        employees: "0",
        "middle.info": "7",
        macro: "none;national_policy",
        done: "2099-01-01",
      }),
    });
    expect(values.problems.map((p) => [p.column, p.value, p.reason.key])).toEqual([
      ["region", "atlantis", "responses.import.problems.unknown_option"],
      ["middle.info", "7", "responses.import.problems.not_zero_one"],
      ["done", "2099-01-01", "responses.import.problems.future_date"],
      ["industry", "", "respondent.issues.required"],
      ["employees", "0", "respondent.issues.too_small"],
      ["stage", "", "respondent.issues.required"],
      ["macro", "none;national_policy", "respondent.issues.exclusive_conflict"],
      ["middle.none", "", "respondent.issues.required"],
      ["micro", "", "respondent.issues.required"],
    ]);
  });

  it("reads a matrix from one column per row, by point value or label", () => {
    const rowsOf = wbes.sections.flatMap((s) => s.questions).find((q) => q.type === "matrix")!;
    if (rowsOf.type !== "matrix") throw new Error();
    const [first, second] = rowsOf.rows;
    const values = rowValues({
      def: wbes,
      mapping: { a: `part:obstacle_ratings.${first.code}`, b: `part:obstacle_ratings.${second.code}` },
      now,
      row: row({ a: "3", b: "Very severe obstacle" }),
    });
    expect(values.answers.obstacle_ratings).toEqual({ [first.code]: 3, [second.code]: 4 });
  });

  it("reads dates as a spreadsheet writes them and refuses impossible ones", () => {
    expect(parseDate("2017-06-01")?.toISOString()).toBe("2017-06-01T00:00:00.000Z");
    expect(parseDate("2017/6/1 8:05:09")?.toISOString()).toBe("2017-06-01T08:05:09.000Z");
    expect(parseDate("2017-06-01T08:00:00+08:00")?.toISOString()).toBe("2017-06-01T00:00:00.000Z");
    expect(parseDate("2017-02-30")).toBeNull();
    expect(parseDate("June 1st")).toBeNull();
  });
});
