// How questions become SPSS/Stata variables: valid unique names, numeric codes with labels,
// "don't know" as missing, measurement levels, and multiple-response sets without "don't know".
import { describe, expect, it } from "vitest";
import { codebookRows } from "@/lib/export/codebook";
import { exportLabels } from "@/lib/export/export-labels";
import { statisticalDataset } from "@/lib/export/statistical-variables";
import { shortVariableNames, uniqueVariableNames } from "@/lib/export/variable-names";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";

const t = (zh: string, en: string) => ({ zh, en });
const definition = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "coding",
  title: t("编码", "Coding"),
  locales: ["zh", "en"],
  factors: [{ code: "funding", level: "micro", label: t("资金", "Funding") }],
  sections: [
    {
      code: "s",
      title: t("一", "One"),
      questions: [
        {
          code: "region",
          type: "single",
          breakdown: "region",
          label: t("地区", "Region"),
          options: [
            { code: "cc", label: t("长春", "Changchun") },
            { code: "refused", label: t("拒答", "Refused"), nonSubstantive: true },
            { code: "jl", label: t("吉林", "Jilin") },
          ],
        },
        {
          code: "issues",
          type: "multi",
          label: t("问题", "Issues"),
          options: [
            { code: "funding", factor: "funding", label: t("资金", "Funding") },
            { code: "none", exclusive: true, label: t("无", "None") },
            { code: "dont_know", exclusive: true, nonSubstantive: true, label: t("不知道", "Don't know") },
          ],
        },
        { code: "staff", type: "number", label: t("人数", "Staff") },
        {
          code: "severity",
          type: "scale",
          label: t("严重程度", "Severity"),
          scale: { min: 1, max: 3, points: [{ value: 9, label: t("不知道", "Don't know"), nonSubstantive: true }] },
        },
      ],
    },
  ],
});

const dataset = statisticalDataset({ definitions: [definition], locale: "en", labels: exportLabels("en") });
const variable = (column: string) => dataset.variables.find((v) => v.column === column)!;

describe("variable names", () => {
  it("are valid, unique without regard to case, within the limit, and avoid SPSS's reserved words", () => {
    expect(uniqueVariableNames(["a.b", "A_b", "and", "1st", "x".repeat(40), "x".repeat(41)], 32)).toEqual([
      "a_b",
      "A_b_2",
      "and_",
      "v_1st",
      "x".repeat(32),
      `${"x".repeat(30)}_2`,
    ]);
    expect(shortVariableNames(["macro_constraints_a", "macro_constraints_b", "id"])).toEqual([
      "MACRO_CO",
      "MACRO_C1",
      "ID",
    ]);
  });
});

describe("statistical variables", () => {
  it("numbers options, gives don't-know negative codes and declares them missing", () => {
    expect(variable("region").valueLabels).toEqual([
      { value: 1, label: "Changchun", code: "cc" },
      { value: -1, label: "Refused", code: "refused" },
      { value: 2, label: "Jilin", code: "jl" },
    ]);
    expect(variable("region").missing).toEqual([-1]);
    expect(variable("severity").missing).toEqual([9]);
    expect(variable("breakdown.region").valueLabels.map((v) => v.value)).toEqual([1, -1, 2]);
  });

  it("sets measurement levels and value kinds", () => {
    expect(variable("region").measure).toBe("nominal");
    expect(variable("severity").measure).toBe("ordinal");
    expect(variable("staff").measure).toBe("scale");
    expect(variable("started_at").kind).toBe("datetime");
    expect(variable("id")).toMatchObject({ kind: "string", width: 36 });
  });

  it("puts a multi question's substantive options, 'none' included, in its multiple-response set", () => {
    expect(dataset.mrSets).toEqual([
      { name: "issues", label: "Issues", questionCode: "issues", variables: [expect.any(Number), expect.any(Number)] },
    ]);
    expect(dataset.mrSets[0].variables.map((i) => dataset.variables[i].column)).toEqual([
      "issues.funding",
      "issues.none",
    ]);
    expect(variable("issues.dont_know").mrSet).toBeNull();
    expect(variable("issues.funding").factor).toEqual({ code: "funding", level: "micro" });
  });

  it("reads a response's values as the numbers the file stores", () => {
    const record = {
      id: "r1",
      status: "complete" as const,
      screenedRule: null,
      screenedReason: null,
      locale: "zh",
      collectorKind: "paper" as const,
      collectorName: "Paper",
      startedAt: new Date("2017-03-01T08:00:00Z"),
      completedAt: null,
      durationSeconds: 300,
      weight: null,
      breakdowns: { region: "jl" },
      answers: { region: "refused", issues: ["funding"], staff: 12, severity: 9 },
    };
    const values = Object.fromEntries(dataset.variables.map((v) => [v.column, v.value(record)]));
    expect(values).toMatchObject({
      status: 1,
      valid: 1,
      locale: 1,
      collector: 3,
      "breakdown.region": 2,
      region: -1,
      "issues.funding": 1,
      "issues.none": 0,
      staff: 12,
      severity: 9,
      duration_seconds: 300,
      completed_at: null,
    });
  });

  it("lists every variable in the codebook with its set and factor", () => {
    const zh = statisticalDataset({ definitions: [definition], locale: "zh", labels: exportLabels("zh") });
    const rows = codebookRows({ dataset: zh, definitions: [definition], locale: "zh" });
    expect(rows.find((r) => r.column === "issues.funding")).toMatchObject({
      variable: "issues_funding",
      questionCode: "issues",
      question: "问题",
      mrSet: "$issues",
      factor: "funding",
      factorLabel: "资金",
      level: "micro",
      values: "0 = 未选; 1 = 选中",
    });
    expect(rows.find((r) => r.column === "region")).toMatchObject({
      missing: "-1",
      values: "1 = 长春 [cc]; -1 = 拒答 [refused]; 2 = 吉林 [jl]",
    });
  });
});
