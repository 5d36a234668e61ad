import { describe, expect, it } from "vitest";
import { compileMetricMap, levelItems, levelsOf } from "@/lib/analytics/metric-map";
import { DEFINITION_FORMAT, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";

const t = (en: string) => ({ en });
const def = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "mixed",
  title: t("Mixed levels"),
  locales: ["en"],
  factors: [
    { code: "finance", level: "middle", label: t("Access to finance") },
    { code: "tax_rates", level: "macro", label: t("Tax rates") },
    { code: "courts", level: "macro", label: t("Courts") },
    { code: "licensing", level: "middle", label: t("Business licensing") },
    { code: "skills", level: "micro", label: t("Skills") },
  ],
  sections: [
    {
      // A section level no longer decides anything: each factor counts in its own level.
      code: "s",
      title: t("S"),
      level: "micro",
      questions: [
        {
          code: "concerns",
          type: "multi",
          label: t("Which concern you?"),
          options: [
            { code: "finance", label: t("Finance"), factor: "finance" },
            { code: "tax", label: t("Tax"), factor: "tax_rates" },
            { code: "none", label: t("None of these"), exclusive: true },
            { code: "dk", label: t("Don't know"), exclusive: true, nonSubstantive: true },
          ],
        },
        {
          code: "ratings",
          type: "matrix",
          label: t("Rate"),
          scale: {
            min: 0,
            max: 9,
            points: [
              { value: 0, label: t("No obstacle") },
              { value: 4, label: t("Very severe") },
              { value: 8, label: t("Does not apply"), nonSubstantive: true },
              { value: 9, label: t("Don't know"), nonSubstantive: true },
            ],
          },
          attentionThreshold: 3,
          rows: [
            { code: "courts", label: t("Courts"), factor: "courts" },
            { code: "licensing", label: t("Licensing"), factor: "licensing" },
          ],
        },
        {
          code: "top",
          type: "rank",
          label: t("Rank"),
          topN: 1,
          options: [
            { code: "skills", label: t("Skills"), factor: "skills" },
            { code: "other", label: t("Other") },
          ],
        },
        {
          code: "biggest",
          type: "single",
          label: t("Biggest obstacle"),
          options: [
            { code: "courts", label: t("Courts"), factor: "courts" },
            { code: "nothing", label: t("Nothing") },
          ],
        },
      ],
    },
  ],
});

describe("compileMetricMap", () => {
  const rows = compileMetricMap(def);
  const brief = rows.map((r) => [r.questionCode, r.answerCode, r.scope, r.item, r.baseKey, r.metric, r.concernRule]);

  it("puts each factor in its own level, whatever question or section carries it", () => {
    expect(brief).toEqual([
      ["concerns", "finance", "middle", "concerns", "concerns", "f:finance", "chosen"],
      ["concerns", "tax", "macro", "concerns", "concerns", "f:tax_rates", "chosen"],
      // "None of these" answers the item in each level it feeds; "don't know" in none.
      ["concerns", "none", "macro", "concerns", "concerns", "o:concerns.none", "chosen"],
      ["concerns", "none", "middle", "concerns", "concerns", "o:concerns.none", "chosen"],
      ["concerns", "dk", null, "concerns", null, null, null],
      // Each matrix row is an item; a factor carried by two items has a base of its own.
      ["ratings", "courts", "macro", "ratings.courts", "f:courts", "f:courts", "at_least"],
      ["ratings", "licensing", "middle", "ratings.licensing", "ratings.licensing", "f:licensing", "at_least"],
      ["top", "skills", "micro", "top", "top", "f:skills", "top_n"],
      ["top", "other", "micro", "top", "top", null, null],
      ["biggest", "courts", "macro", "biggest", "f:courts", "f:courts", "chosen"],
      ["biggest", "nothing", "macro", "biggest", "biggest", "o:biggest.nothing", "chosen"],
    ]);
  });

  it("carries the rules' parameters and the points that leave the base", () => {
    expect(rows.find((r) => r.answerCode === "dk")).toMatchObject({ substantive: false });
    expect(rows.find((r) => r.item === "ratings.courts")).toMatchObject({
      threshold: 3,
      nonSubstantiveValues: [8, 9],
      substantive: true,
    });
    expect(rows.find((r) => r.metric === "f:skills")).toMatchObject({ topN: 1 });
  });

  it("gives each level's chart its factors and their bases", () => {
    expect(levelsOf(def)).toEqual(["macro", "middle", "micro"]);
    expect(levelItems(def, "macro").map((i) => [i.metric, i.baseMetric, i.kind])).toEqual([
      ["f:tax_rates", "b:concerns", "choice"],
      ["o:concerns.none", "b:concerns", "option"],
      ["f:courts", "b:f:courts", "scale"],
      ["o:biggest.nothing", "b:biggest", "option"],
    ]);
    expect(levelItems(def, "middle").map((i) => i.metric)).toEqual(["f:finance", "o:concerns.none", "f:licensing"]);
    expect(levelItems(def, "micro").map((i) => i.metric)).toEqual(["f:skills"]);
  });
});
