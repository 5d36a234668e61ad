import { describe, expect, it } from "vitest";
import { usccCheckCharacter } from "@/lib/demo/firm-identifier";
import { JILIN_DEMO_EXPECTED, generateJilinDemoResponses } from "@/lib/demo/jilin-demo-data";
import type { Answers } from "@/lib/questionnaire/answer-values";
import {
  QuestionnaireDefinitionSchema,
  listQuestions,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { sizeClassOf } from "@/lib/questionnaire/size-class";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";

const definition = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
const responses = generateJilinDemoResponses();
const valid = responses.filter((r) => !r.screened);
const screened = responses.filter((r) => r.screened);
const LEVEL_QUESTIONS = ["macro_constraints", "middle_constraints", "micro_constraints"] as const;

/** What is wrong with a set of answers against the questionnaire, per question type. */
function answerIssues(def: QuestionnaireDefinition, answers: Answers): string[] {
  const issues: string[] = [];
  const questions = listQuestions(def).map(({ question }) => question);
  for (const code of Object.keys(answers))
    if (!questions.some((q) => q.code === code)) issues.push(`${code}: no such question`);
  for (const q of questions) {
    const value = answers[q.code];
    if (value === undefined) {
      if (q.required) issues.push(`${q.code}: required`);
      continue;
    }
    if (q.type === "single") {
      if (typeof value !== "string" || !q.options.some((o) => o.code === value))
        issues.push(`${q.code}: unknown option ${String(value)}`);
    } else if (q.type === "multi") {
      if (!Array.isArray(value) || value.length === 0) {
        issues.push(`${q.code}: needs a non-empty list`);
        continue;
      }
      const options = value.map((code) => q.options.find((o) => o.code === code));
      if (options.includes(undefined)) issues.push(`${q.code}: unknown option in ${value.join(",")}`);
      if (new Set(value).size !== value.length) issues.push(`${q.code}: repeated option`);
      if (value.length > 1 && options.some((o) => o?.exclusive))
        issues.push(`${q.code}: exclusive option combined with others`);
    } else if (q.type === "number") {
      const ok =
        typeof value === "number" &&
        (!q.integer || Number.isInteger(value)) &&
        value >= (q.min ?? -Infinity) &&
        value <= (q.max ?? Infinity);
      if (!ok) issues.push(`${q.code}: bad number ${String(value)}`);
    } else if (q.type === "text") {
      if (typeof value !== "string" || value.length > q.maxLength) issues.push(`${q.code}: bad text`);
    } else {
      issues.push(`${q.code}: unexpected ${q.type} question`);
    }
  }
  return issues;
}

const countSelections = (records: typeof responses) => {
  const counts: Record<string, number> = {};
  for (const r of records)
    for (const question of LEVEL_QUESTIONS)
      for (const code of r.answers[question] as string[]) {
        const key = code === "none" || code === "dont_know" ? `${question}:${code}` : code;
        counts[key] = (counts[key] ?? 0) + 1;
      }
  return counts;
};
const percent = (count: number) => Math.round((100 * count) / JILIN_DEMO_EXPECTED.base);

describe("Jilin demo responses", () => {
  it("are deterministic", () => {
    expect(generateJilinDemoResponses()).toEqual(responses);
  });

  it("deliver 250 of which 226 are valid and 24 screened with the planned rules", () => {
    expect(responses).toHaveLength(250);
    expect(JILIN_DEMO_EXPECTED).toMatchObject({ delivered: 250, valid: 226, base: 226 });
    expect(valid).toHaveLength(226);
    expect(screened).toHaveLength(24);
    const byRule: Record<string, number> = {};
    for (const r of screened) byRule[r.screened!.rule] = (byRule[r.screened!.rule] ?? 0) + 1;
    expect(byRule).toEqual(JILIN_DEMO_EXPECTED.screened);
    for (const r of screened) expect(r.screened!.reason.length).toBeGreaterThan(10);
  });

  it("give exactly the planned count of valid firms per factor and per 'none'", () => {
    const counts = countSelections(valid);
    const expected = {
      ...JILIN_DEMO_EXPECTED.factorCounts,
      ...Object.fromEntries(Object.entries(JILIN_DEMO_EXPECTED.noneCounts).map(([q, n]) => [`${q}:none`, n])),
    };
    expect(counts).toEqual(expected);
  });

  it("reproduce the paper's attention shares", () => {
    const counts = countSelections(valid);
    const paper = {
      national_policy: 69,
      fiscal_tax_support: 53,
      ip_protection: 27,
      entrepreneur_training: 63,
      industry_academia_links: 53,
      financing_channels: 52,
      information_sharing: 48,
    };
    for (const [factor, share] of Object.entries(paper)) expect(percent(counts[factor]), factor).toBe(share);
    const paperMicro = ["innovation_culture", "marketing_mix", "knowledge_worker_mgmt", "internal_control"];
    for (const factor of paperMicro) expect(counts[factor] / 226, factor).toBeGreaterThan(0.85);
    // The paper's factors lead their level: every other factor is below the lowest one it names.
    const lowestNamed = {
      macro_constraints: counts.ip_protection,
      middle_constraints: counts.information_sharing,
      micro_constraints: counts.internal_control,
    };
    const options = (question: string) =>
      listQuestions(definition).find(({ question: q }) => q.code === question)!.question;
    for (const question of LEVEL_QUESTIONS) {
      const q = options(question);
      if (q.type !== "multi") throw new Error(`${question} is not multi`);
      const others = q.options.filter((o) => o.factor && !(o.code in paper) && !paperMicro.includes(o.code));
      for (const o of others) expect(counts[o.code] ?? 0, o.code).toBeLessThan(lowestNamed[question]);
    }
  });

  it("keep every valid firm in the base of every level: no empty and no 'don't know' answers", () => {
    for (const r of valid)
      for (const question of LEVEL_QUESTIONS) {
        const selected = r.answers[question] as string[];
        expect(selected.length).toBeGreaterThan(0);
        expect(selected).not.toContain("dont_know");
      }
  });

  it("hold only complete answers valid against the questionnaire, screened ones included", () => {
    const problems = responses.flatMap((r) =>
      answerIssues(definition, r.answers).map((issue) => `${r.submissionId} ${issue}`),
    );
    expect(problems).toEqual([]);
    expect(answerIssues(definition, { ...valid[0].answers, macro_constraints: ["none", "national_policy"] })).toEqual([
      "macro_constraints: exclusive option combined with others",
    ]);
    expect(answerIssues(definition, { ...valid[0].answers, middle_constraints: [] })).toEqual([
      "middle_constraints: needs a non-empty list",
    ]);
  });

  it("mark duplicates with the identifier of an earlier valid response of the same firm", () => {
    const duplicates = screened.filter((r) => r.screened!.rule === "duplicate_firm");
    expect(duplicates.length).toBeGreaterThan(0);
    for (const dup of duplicates) {
      const index = responses.indexOf(dup);
      const original = responses.slice(0, index).find((r) => !r.screened && r.firmIdentifier === dup.firmIdentifier);
      expect(original, dup.firmIdentifier).toBeDefined();
      expect(original!.startedAt.getTime()).toBeLessThanOrEqual(dup.startedAt.getTime());
    }
    expect(new Set(valid.map((r) => r.firmIdentifier)).size).toBe(226);
    for (const r of screened.filter((s) => s.screened!.rule !== "duplicate_firm"))
      expect(valid.map((v) => v.firmIdentifier)).not.toContain(r.firmIdentifier);
  });

  it("use well-formed unified social credit codes, also given as the firm_id answer", () => {
    for (const r of responses) {
      expect(r.firmIdentifier).toMatch(/^9122\d{4}[0-9X]{9}[0-9A-HJ-NPQRTUWXY]$/);
      expect(r.firmIdentifier.at(-1)).toBe(usccCheckCharacter(r.firmIdentifier.slice(0, 17)));
      expect(r.answers.firm_id).toBe(r.firmIdentifier);
    }
  });

  it("screen too-fast responses under the minimum and keep valid durations between 180 and 1500 s", () => {
    for (const r of screened.filter((s) => s.screened!.rule === "too_fast"))
      expect(r.durationSeconds).toBeLessThan(JILIN_DEMO_EXPECTED.minDurationSeconds);
    for (const r of valid) {
      expect(r.durationSeconds).toBeGreaterThanOrEqual(180);
      expect(r.durationSeconds).toBeLessThanOrEqual(1500);
    }
  });

  it("catch inconsistent answers that valid responses never contain", () => {
    const seedWithStaff = (r: (typeof responses)[number]) =>
      r.answers.lifecycle_stage === "seed" && (r.answers.employees as number) > 9;
    for (const r of screened.filter((s) => s.screened!.rule === "consistency")) expect(seedWithStaff(r)).toBe(true);
    expect(valid.filter(seedWithStaff)).toEqual([]);
  });

  it("spread regions with Changchun leading and all 16 present", () => {
    const regions: Record<string, number> = {};
    for (const r of valid) regions[r.answers.region as string] = (regions[r.answers.region as string] ?? 0) + 1;
    expect(regions).toEqual(JILIN_DEMO_EXPECTED.regionCounts);
    expect(Object.keys(regions)).toHaveLength(16);
    const [leader, ...rest] = Object.entries(regions).sort((a, b) => b[1] - a[1]);
    expect(leader[0]).toBe("changchun");
    expect(leader[1] / 226).toBeGreaterThan(0.4);
    expect(leader[1] / 226).toBeLessThan(0.5);
    for (const [region, firms] of rest) expect(firms, region).toBeGreaterThanOrEqual(1);
  });

  it("cover about 20 industries led by services then manufacturing", () => {
    const industries: Record<string, number> = {};
    for (const r of valid)
      industries[r.answers.industry as string] = (industries[r.answers.industry as string] ?? 0) + 1;
    const ranked = Object.entries(industries).sort((a, b) => b[1] - a[1]);
    expect(ranked.length).toBeGreaterThanOrEqual(18);
    expect(ranked.length).toBeLessThanOrEqual(22);
    expect(ranked.slice(0, 2).map(([code]) => code)).toEqual(["services", "manufacturing"]);
  });

  it("include micro and small firms, mostly in the start-up and growth stages", () => {
    const sizes = new Set(valid.map((r) => sizeClassOf(r.answers.employees as number)));
    expect([...sizes].sort()).toEqual(["micro", "small"]);
    const early = valid.filter(
      (r) => r.answers.lifecycle_stage === "start_up" || r.answers.lifecycle_stage === "growth",
    );
    expect(early.length / valid.length).toBeGreaterThan(0.6);
  });

  it("are ordered in time within spring 2017, mostly in Chinese, with unique v4 submission ids", () => {
    const first = Date.UTC(2017, 2, 1);
    const end = Date.UTC(2017, 5, 1);
    responses.forEach((r, i) => {
      expect(r.startedAt.getTime()).toBeGreaterThanOrEqual(first);
      expect(r.completedAt.getTime()).toBeLessThan(end);
      expect(r.completedAt.getTime() - r.startedAt.getTime()).toBe(r.durationSeconds * 1000);
      if (i > 0) expect(r.startedAt.getTime()).toBeGreaterThanOrEqual(responses[i - 1].startedAt.getTime());
      expect(r.submissionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
    expect(new Set(responses.map((r) => r.submissionId)).size).toBe(250);
    const zh = responses.filter((r) => r.locale === "zh").length;
    expect(zh / 250).toBeGreaterThan(0.8);
    expect(zh).toBeLessThan(250);
  });
});
