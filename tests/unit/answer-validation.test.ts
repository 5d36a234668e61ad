import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { DEFINITION_FORMAT, LOCALES, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { LOCALES as INTERFACE_LOCALES } from "@/lib/i18n/locales";
import { answerIssues, answerIssuesOf, answersSchemaFor } from "@/lib/questionnaire/answer-validation";
import { issueMessageOf } from "@/lib/questionnaire/answer-issue-message";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { compileMessages } from "@/lib/i18n/compile-messages";
import en from "@/messages/en/respondent.json";
import zh from "@/messages/zh/respondent.json";

const t = (en: string, zh?: string) => ({ en, ...(zh ? { zh } : {}) });
const opt = (code: string, extra: object = {}) => ({ code, label: t(code.toUpperCase(), `选项${code}`), ...extra });
const def = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "all_types",
  title: t("All types"),
  locales: ["zh", "en"],
  sections: [
    {
      code: "s1",
      title: t("S1"),
      questions: [
        { code: "exporter", type: "single", label: t("Exports?"), required: true, options: [opt("yes"), opt("no")] },
        {
          code: "markets",
          type: "multi",
          label: t("Markets"),
          required: true,
          maxSelections: 2,
          showIf: { question: "exporter", op: "equals", value: "yes" },
          options: [
            opt("eu"),
            opt("us"),
            opt("asia"),
            opt("none", { exclusive: true, label: t("None of these", "以上都不是") }),
            opt("refused", { nonSubstantive: true, label: t("Refused", "拒答") }),
          ],
        },
        {
          code: "top",
          type: "rank",
          label: t("Top 2"),
          required: true,
          topN: 2,
          options: [opt("a"), opt("b"), opt("c")],
        },
        { code: "sat", type: "scale", label: t("Satisfaction"), scale: { min: 1, max: 5 } },
        {
          code: "grid",
          type: "matrix",
          label: t("Grid"),
          required: true,
          scale: { min: 0, max: 4 },
          rows: [
            { code: "r1", label: t("Row one", "第一行") },
            { code: "r2", label: t("Row two") },
          ],
        },
        { code: "staff", type: "number", label: t("Staff"), required: true, integer: true, min: 1, max: 100 },
        { code: "note", type: "text", label: t("Note"), maxLength: 5 },
      ],
    },
  ],
});
const valid = { exporter: "yes", markets: ["eu"], top: ["b", "a"], grid: { r1: 1, r2: 4 }, staff: 12 };
const codes = (answers: Record<string, unknown>, partial = false) =>
  answerIssues(def, answers, { partial }).map((i) => `${i.path.join(".")}:${i.code}`);

describe("answer validation from the questionnaire definition", () => {
  it("accepts a complete, consistent set of answers", () => {
    expect(codes(valid)).toEqual([]);
  });

  it("reports every required question left empty, but none in a partial save", () => {
    expect(codes({})).toEqual(["exporter:required", "top:required", "grid:required", "staff:required"]);
    expect(codes({}, true)).toEqual([]);
  });

  it("does not require a question hidden by showIf, and drops its answer", () => {
    expect(codes({ ...valid, exporter: "no", markets: undefined })).toEqual([]);
    const parsed = answersSchemaFor(def).parse({ ...valid, exporter: "no" });
    expect(parsed.markets).toBeUndefined();
    expect(parsed.exporter).toBe("no");
  });

  it("refuses an exclusive option combined with others, and too many choices", () => {
    expect(codes({ ...valid, markets: ["eu", "none"] })).toEqual(["markets:exclusive_conflict"]);
    // "Don't know / refused" stands alone without being marked exclusive.
    expect(codes({ ...valid, markets: ["eu", "refused"] })).toEqual(["markets:exclusive_conflict"]);
    expect(codes({ ...valid, markets: ["refused"] })).toEqual([]);
    expect(codes({ ...valid, markets: ["eu", "us", "asia"] })).toEqual(["markets:too_many_choices"]);
    expect(codes({ ...valid, markets: ["mars"] })).toEqual(["markets:unknown_option"]);
  });

  it("wants exactly topN distinct ranked options", () => {
    expect(codes({ ...valid, top: ["a"] })).toEqual(["top:rank_count"]);
    expect(codes({ ...valid, top: ["a", "a"] })).toEqual(["top:duplicate_choice"]);
  });

  it("checks scale points, matrix rows and completeness", () => {
    expect(codes({ ...valid, sat: 6 })).toEqual(["sat:invalid_value"]);
    expect(codes({ ...valid, grid: { r1: 2 } })).toEqual(["grid:incomplete_matrix"]);
    expect(codes({ ...valid, grid: { r1: 9, r2: 1 } })).toEqual(["grid.r1:invalid_value"]);
    expect(codes({ ...valid, grid: { r1: 1, r2: 1, r9: 1 } })).toEqual(["grid:unknown_row"]);
  });

  it("checks numbers, text length and unknown questions", () => {
    expect(codes({ ...valid, staff: "12a" })).toEqual(["staff:not_a_number"]);
    expect(codes({ ...valid, staff: 1.5 })).toEqual(["staff:not_integer"]);
    expect(codes({ ...valid, staff: 0 })).toEqual(["staff:too_small"]);
    expect(codes({ ...valid, note: "123456" })).toEqual(["note:too_long"]);
    expect(codes({ ...valid, bogus: 1 })).toEqual(["bogus:unknown_question"]);
  });

  it("round-trips issue codes through the zod error", () => {
    const result = answersSchemaFor(def).safeParse({ ...valid, staff: 500 });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(answerIssuesOf(result.error)).toEqual([
        { path: ["staff"], code: "too_large", params: { min: 1, max: 100 } },
      ]);
  });
});

describe("issue messages in the respondent's language", () => {
  const word = (answers: Record<string, unknown>, locale: "zh" | "en") => {
    const t = createTranslator({ locale, messages: compileMessages(locale === "zh" ? zh : en), namespace: "issues" });
    return answerIssues(def, answers).map((i) => {
      const m = issueMessageOf(i, def, locale);
      return t(m.key as "required", m.values);
    });
  };

  it("names the range, the option and the count", () => {
    expect(word({ ...valid, staff: 500 }, "en")).toEqual(["Enter a number from 1 to 100."]);
    expect(word({ ...valid, staff: 500 }, "zh")).toEqual(["请输入 1 到 100 之间的数字。"]);
    expect(word({ ...valid, markets: ["eu", "none"] }, "en")).toEqual([
      "“None of these” cannot be combined with other answers. Untick it or the others.",
    ]);
    expect(word({ ...valid, markets: ["eu", "none"] }, "zh")).toEqual([
      "“以上都不是”不能与其他选项同时选择，请取消其一。",
    ]);
    expect(word({ ...valid, top: ["a"] }, "en")).toEqual(["Rank exactly 2 options (you ranked 1)."]);
    expect(word({ ...valid, grid: { r1: 9, r2: 1 } }, "zh")).toEqual(["“第一行”的答案不是量表上的选项。"]);
  });

  it("has every message in both languages, the questionnaire format's languages", () => {
    expect(INTERFACE_LOCALES).toEqual(LOCALES);
    expect(Object.keys(zh.issues).sort()).toEqual(Object.keys(en.issues).sort());
    expect(Object.keys(zh.form).sort()).toEqual(Object.keys(en.form).sort());
    expect(Object.keys(zh.submit).sort()).toEqual(Object.keys(en.submit).sort());
    expect(Object.keys(zh.page).sort()).toEqual(Object.keys(en.page).sort());
  });
});

describe("the Jilin template", () => {
  const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
  it("requires the profile and the three levels, and keeps the firm code optional", () => {
    expect(answerIssues(jilin, {}).map((i) => i.path[0])).toEqual([
      "region",
      "industry",
      "employees",
      "lifecycle_stage",
      "macro_constraints",
      "middle_constraints",
      "micro_constraints",
    ]);
  });
});
