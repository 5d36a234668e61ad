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
  it("writes one row per selected option, ranked option and matrix row, flagging concerns", () => {
    const rows = toAnswerRows(def, {
      region: "cc",
      employees: 12,
      multi: ["a", "b"],
      rank: ["b", "a"],
      scale: 3,
      grid: { r1: 4, r2: 2 },
      note: "  ",
    });
    const brief = rows.map((r) => [r.questionCode, r.optionCode, r.factorCode, r.concern, r.rank, r.numberValue]);
    expect(brief).toEqual([
      ["region", "cc", null, false, null, null],
      ["employees", null, null, false, null, 12],
      ["multi", "a", "f1", true, null, null],
      ["multi", "b", "f2", true, null, null],
      ["rank", "b", "f2", true, 1, null],
      ["rank", "a", "f1", false, 2, null],
      ["scale", null, "f3", false, null, 3],
      ["grid", "r1", "f1", true, null, 4],
      ["grid", "r2", "f2", false, null, 2],
    ]);
  });

  it("counts a scale answer at the threshold as concern and skips unanswered questions", () => {
    const rows = toAnswerRows(def, { scale: 4 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ questionCode: "scale", factorCode: "f3", concern: true });
  });

  it("keeps 'none of these' as a row without a factor", () => {
    expect(toAnswerRows(def, { multi: ["none"] })).toEqual([
      expect.objectContaining({ questionCode: "multi", optionCode: "none", factorCode: null, concern: false }),
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
