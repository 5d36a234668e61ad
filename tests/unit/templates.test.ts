import { describe, expect, it } from "vitest";
import {
  QuestionnaireDefinitionSchema,
  listQuestions,
  type LocalizedText,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { TEMPLATES, getTemplate } from "@/lib/questionnaire/templates";
import { levelItems, levelsOf } from "@/lib/analytics/metric-map";

const parse = (code: string): QuestionnaireDefinition =>
  QuestionnaireDefinitionSchema.parse(getTemplate(code)!.definition);

function question<T extends QuestionDefinition["type"]>(def: QuestionnaireDefinition, code: string, type: T) {
  const found = listQuestions(def).find(({ question: q }) => q.code === code);
  expect(found, `question ${code}`).toBeDefined();
  expect(found!.question.type).toBe(type);
  return { ...found!, question: found!.question as Extract<QuestionDefinition, { type: T }> };
}

/** Every label-like value in a definition, with where it sits. */
function labels(def: QuestionnaireDefinition): [string, LocalizedText][] {
  const found: [string, LocalizedText][] = [["title", def.title]];
  for (const f of def.factors) found.push([`factor ${f.code}`, f.label]);
  for (const s of def.sections) found.push([`section ${s.code}`, s.title]);
  for (const { question: q } of listQuestions(def)) {
    found.push([`question ${q.code}`, q.label]);
    if ("options" in q) for (const o of q.options) found.push([`${q.code}.${o.code}`, o.label]);
    if (q.type === "matrix") {
      for (const r of q.rows) found.push([`${q.code}.${r.code}`, r.label]);
      for (const p of q.scale.points ?? []) found.push([`${q.code} point ${p.value}`, p.label]);
    }
  }
  return found;
}

describe("shipped templates", () => {
  it("all parse without issues", () => {
    for (const template of TEMPLATES) {
      const result = QuestionnaireDefinitionSchema.safeParse(template.definition);
      expect(result.success ? [] : result.error.issues, template.code).toEqual([]);
    }
  });

  it("have unique codes that match their definitions and are found by getTemplate", () => {
    const codes = TEMPLATES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(["jilin_small_micro", "cis_hampering", "wbes_obstacles"]);
    for (const t of TEMPLATES) {
      expect(t.definition.code).toBe(t.code);
      expect(getTemplate(t.code)).toBe(t);
      expect(t.source.zh && t.source.en, `${t.code} source`).toBeTruthy();
    }
    expect(getTemplate("no_such_template")).toBeUndefined();
  });

  it("label everything in both Chinese and English", () => {
    for (const t of TEMPLATES) {
      const def = QuestionnaireDefinitionSchema.parse(t.definition);
      expect(def.locales).toEqual(["zh", "en"]);
      const missing = labels(def)
        .filter(([, label]) => !label.zh?.trim() || !label.en?.trim())
        .map(([where]) => where);
      expect(missing, t.code).toEqual([]);
    }
  });

  it("never declare one factor code at two levels (factors are stored per organization by code)", () => {
    const levelOf = new Map<string, string>();
    for (const t of TEMPLATES)
      for (const f of QuestionnaireDefinitionSchema.parse(t.definition).factors) {
        expect(levelOf.get(f.code) ?? f.level, `${t.code}: ${f.code}`).toBe(f.level);
        levelOf.set(f.code, f.level);
      }
  });

  it("map every declared factor to some option or row, and nothing else", () => {
    for (const t of TEMPLATES) {
      const def = QuestionnaireDefinitionSchema.parse(t.definition);
      const mapped = new Set(
        listQuestions(def).flatMap(({ question: q }) =>
          "options" in q ? q.options.map((o) => o.factor) : q.type === "matrix" ? q.rows.map((r) => r.factor) : [],
        ),
      );
      mapped.delete(undefined);
      expect([...mapped].sort(), t.code).toEqual(def.factors.map((f) => f.code).sort());
    }
  });
});

describe("Jilin small and micro enterprises template", () => {
  const def = parse("jilin_small_micro");

  it("asks the firm profile with breakdowns, Changchun first among 16 regions", () => {
    expect(def.defaultLocale).toBe("zh");
    const region = question(def, "region", "single").question;
    expect(region.breakdown).toBe("region");
    expect(region.options).toHaveLength(16);
    expect(region.options[0]).toMatchObject({ code: "changchun", label: { zh: "长春市" } });
    const industry = question(def, "industry", "single").question;
    expect(industry.breakdown).toBe("industry");
    expect(industry.options.length).toBeGreaterThanOrEqual(18);
    expect(industry.options.slice(0, 2).map((o) => o.code)).toEqual(["services", "manufacturing"]);
    const stage = question(def, "lifecycle_stage", "single").question;
    expect(stage.breakdown).toBe("lifecycle_stage");
    expect(stage.options.map((o) => o.code)).toEqual([
      "seed",
      "start_up",
      "growth",
      "maturity",
      "decline",
      "metamorphosis",
    ]);
    expect(question(def, "employees", "number").question).toMatchObject({
      integer: true,
      min: 1,
      derivesSizeClass: true,
    });
    expect(question(def, "firm_id", "text").question.required).toBe(false);
  });

  it("requires the profile and the three constraint questions", () => {
    const required = listQuestions(def)
      .filter(({ question: q }) => q.required)
      .map(({ question: q }) => q.code);
    expect(required).toEqual([
      "region",
      "industry",
      "employees",
      "lifecycle_stage",
      "macro_constraints",
      "middle_constraints",
      "micro_constraints",
    ]);
  });

  it.each([
    ["macro_constraints", "macro", ["national_policy", "fiscal_tax_support", "ip_protection"]],
    [
      "middle_constraints",
      "middle",
      [
        "entrepreneur_training",
        "industry_academia_links",
        "financing_channels",
        "information_sharing",
        "intermediary_services",
        "technology_sources",
        "talent_shortage",
      ],
    ],
    [
      "micro_constraints",
      "micro",
      [
        "innovation_culture",
        "marketing_mix",
        "knowledge_worker_mgmt",
        "internal_control",
        "rnd_funding_shortage",
        "innovation_risk",
        "incentive_mechanism",
      ],
    ],
  ] as const)("%s sits in a %s section and offers the paper's factors of that level", (code, level, paperFactors) => {
    const { section, question: q } = question(def, code, "multi");
    expect(section.level).toBe(level);
    const factorOf = new Map(def.factors.map((f) => [f.code, f.level]));
    for (const factor of paperFactors) expect(q.options.find((o) => o.code === factor)?.factor, factor).toBe(factor);
    for (const o of q.options.filter((o) => o.factor)) expect(factorOf.get(o.factor!), o.code).toBe(level);
    const unmapped = q.options.filter((o) => !o.factor);
    expect(unmapped).toEqual([
      expect.objectContaining({ code: "none", exclusive: true }),
      expect.objectContaining({ code: "dont_know", nonSubstantive: true }),
    ]);
    expect(unmapped[0].nonSubstantive).toBeFalsy();
  });
});

describe("CIS hampering-factors template", () => {
  const def = parse("cis_hampering");
  const { question: matrix } = question(def, "hampering_factors", "matrix");

  it("rates each factor High / Medium / Low / not experienced and counts only High", () => {
    expect(matrix.scale.min).toBe(0);
    expect(matrix.scale.max).toBe(3);
    expect(matrix.scale.points?.map((p) => [p.value, p.label.en])).toEqual([
      [3, "High"],
      [2, "Medium"],
      [1, "Low"],
      [0, "Factor not experienced"],
    ]);
    expect(matrix.attentionThreshold).toBe(3);
  });

  it("covers the CIS item list with one factor per row", () => {
    expect(matrix.rows.length).toBeGreaterThanOrEqual(10);
    for (const row of matrix.rows) expect(row.factor, row.code).toBe(row.code);
    for (const item of [
      "lack_internal_finance",
      "lack_external_finance",
      "costs_too_high",
      "lack_skilled_employees",
      "lack_collaboration_partners",
      "public_funding_difficulty",
      "uncertain_demand",
      "too_much_competition",
    ])
      expect(matrix.rows.map((r) => r.code)).toContain(item);
  });

  it("has a profile usable as breakdowns", () => {
    expect(question(def, "industry", "single").question.breakdown).toBe("industry");
    expect(question(def, "size_band", "single").question.breakdown).toBe("size_class");
  });
});

describe("World Bank Enterprise Surveys obstacles template", () => {
  const def = parse("wbes_obstacles");
  const { question: matrix } = question(def, "obstacle_ratings", "matrix");

  it("rates the 15 business-environment elements from no obstacle (0) to very severe (4), or don't know / does not apply", () => {
    expect(matrix.rows).toHaveLength(15);
    expect(matrix.scale).toMatchObject({ min: 0, max: 6 });
    expect(matrix.scale.points?.map((p) => [p.value, p.label.en, p.nonSubstantive ?? false])).toEqual([
      [0, "No obstacle", false],
      [1, "Minor obstacle", false],
      [2, "Moderate obstacle", false],
      [3, "Major obstacle", false],
      [4, "Very severe obstacle", false],
      [5, "Don't know", true],
      [6, "Does not apply", true],
    ]);
    expect(matrix.attentionThreshold).toBe(3);
    for (const row of matrix.rows) expect(row.factor, row.code).toBe(row.code);
  });

  it("asks for the biggest obstacle among the same elements as a breakdown, not a second carrier of the factors", () => {
    const biggest = question(def, "biggest_obstacle", "single").question;
    expect(biggest.breakdown).toBe("custom");
    expect(biggest.options.map((o) => o.code)).toEqual([...matrix.rows.map((r) => r.code), "no_obstacle"]);
    expect(biggest.options.some((o) => o.factor)).toBe(false);
  });

  it("has a profile usable as breakdowns", () => {
    expect(question(def, "industry", "single").question.breakdown).toBe("industry");
    expect(question(def, "size_band", "single").question.breakdown).toBe("size_class");
  });
});

describe("every template's charts", () => {
  it.each(TEMPLATES.map((t) => [t.definition.code, t] as const))(
    "%s: each level's chart lists exactly the factors the template declares at that level",
    (_code, template) => {
      const def = QuestionnaireDefinitionSchema.parse(template.definition);
      const declared = (level: string) =>
        def.factors
          .filter((f) => f.level === level)
          .map((f) => f.code)
          .sort();
      for (const level of ["macro", "middle", "micro"] as const) {
        const charted = levelItems(def, level)
          .filter((i) => i.kind !== "option")
          .map((i) => i.code)
          .sort();
        expect(charted, level).toEqual(declared(level));
      }
      expect(levelsOf(def)).toEqual(["macro", "middle", "micro"].filter((l) => declared(l).length > 0));
    },
  );
});
