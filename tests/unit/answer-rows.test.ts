import { describe, expect, it } from "vitest";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { breakdownsOf, toAnswerRows } from "@/lib/responses/answer-rows";

const t = (en: string) => ({ en });
const def = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "rows",
  title: t("Rows"),
  locales: ["en"],
  factors: [
    { code: "f1", level: "macro", label: t("F1") },
    { code: "f2", level: "macro", label: t("F2") },
    { code: "f3", level: "micro", label: t("F3") },
  ],
  sections: [
    {
      code: "s",
      title: t("S"),
      questions: [
        {
          code: "region",
          type: "single",
          label: t("Region"),
          breakdown: "region",
          options: [
            { code: "cc", label: t("CC") },
            { code: "jl", label: t("JL") },
          ],
        },
        { code: "employees", type: "number", label: t("Employees"), derivesSizeClass: true },
        {
          code: "multi",
          type: "multi",
          label: t("Multi"),
          options: [
            { code: "a", label: t("A"), factor: "f1" },
            { code: "b", label: t("B"), factor: "f2" },
            { code: "none", label: t("None"), exclusive: true },
          ],
        },
        {
          code: "rank",
          type: "rank",
          label: t("Rank"),
          topN: 1,
          options: [
            { code: "a", label: t("A"), factor: "f1" },
            { code: "b", label: t("B"), factor: "f2" },
          ],
        },
        {
          code: "scale",
          type: "scale",
          label: t("Scale"),
          scale: { min: 1, max: 5 },
          factor: "f3",
          attentionThreshold: 4,
        },
        {
          code: "grid",
          type: "matrix",
          label: t("Grid"),
          scale: { min: 0, max: 4 },
          attentionThreshold: 3,
          rows: [
            { code: "r1", label: t("R1"), factor: "f1" },
            { code: "r2", label: t("R2"), factor: "f2" },
          ],
        },
        { code: "note", type: "text", label: t("Note") },
      ],
    },
  ],
});

describe("toAnswerRows", () => {
  it("writes one row per selected option, ranked option and matrix row (the metric map decides what they count for)", () => {
    const rows = toAnswerRows(def, {
      region: "cc",
      employees: 12,
      multi: ["a", "b"],
      rank: ["b", "a"],
      scale: 3,
      grid: { r1: 4, r2: 2 },
      note: "  ",
    });
    const brief = rows.map((r) => [r.questionCode, r.optionCode, r.rank, r.numberValue]);
    expect(brief).toEqual([
      ["region", "cc", null, null],
      ["employees", null, null, 12],
      ["multi", "a", null, null],
      ["multi", "b", null, null],
      ["rank", "b", 1, null],
      ["rank", "a", 2, null],
      ["scale", null, null, 3],
      ["grid", "r1", null, 4],
      ["grid", "r2", null, 2],
    ]);
  });

  it("skips unanswered questions and keeps 'none of these' as a plain option row", () => {
    expect(toAnswerRows(def, { scale: 4 })).toEqual([
      expect.objectContaining({ questionCode: "scale", numberValue: 4 }),
    ]);
    expect(toAnswerRows(def, { multi: ["none"] })).toEqual([
      expect.objectContaining({ questionCode: "multi", optionCode: "none", rank: null, numberValue: null }),
    ]);
  });
});

describe("breakdownsOf", () => {
  it("keys breakdown answers by kind and derives the MIIT size class", () => {
    expect(breakdownsOf(def, { region: "jl", employees: 9 })).toEqual({ region: "jl", size_class: "micro" });
    expect(breakdownsOf(def, { employees: 10 })).toEqual({ size_class: "small" });
    expect(breakdownsOf(def, { employees: 100 })).toEqual({ size_class: "small" });
    expect(breakdownsOf(def, { employees: 101 })).toEqual({ size_class: "medium" });
  });
});
