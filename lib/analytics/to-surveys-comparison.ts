// Two or more surveys side by side on one level (two waves of a study, or two provinces asked the
// same questionnaire): the factors they share by code, each survey's share, n and interval, and
// the tests of to-groups-comparison.ts across the surveys. Each survey's figures are those its
// caller may see (exact for members, published for the public). Factors only some of the
// surveys ask are listed apart, never dropped silently. Pure.
import type { z } from "zod";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import type { SurveysComparisonSchema } from "./comparison-api-schemas";
import type { AttentionResult } from "./to-attention-result";
import { factorSharesOf, testAcrossGroups } from "./to-groups-comparison";

export type SurveysComparison = z.infer<typeof SurveysComparisonSchema>;

export type ComparedSurvey = {
  slug: string;
  title: string;
  access: "member" | "public";
  /** The level's factors in the survey's questionnaire version (labels in the caller's language). */
  factors: { code: string; label: string }[];
  result: AttentionResult;
};

export function toSurveysComparison(level: FactorLevel, surveys: ComparedSurvey[]): SurveysComparison {
  const askedBy = new Map<string, { label: string; surveys: string[] }>();
  for (const s of surveys)
    for (const f of s.factors) {
      const entry = askedBy.get(f.code) ?? askedBy.set(f.code, { label: f.label, surveys: [] }).get(f.code)!;
      entry.surveys.push(s.slug);
    }
  const shared = [...askedBy].filter(([, f]) => f.surveys.length === surveys.length);
  const shares = factorSharesOf(
    surveys.map((s) => (s.result.suppressed ? null : s.result)),
    shared.map(([code]) => code),
  );
  // The first survey's wording names a shared factor, whether or not its share is shown.
  const labelled = shares.map((f) => ({ ...f, label: askedBy.get(f.code)!.label }));
  return {
    level,
    surveys: surveys.map(({ slug, title, access, result }) => ({
      slug,
      title,
      base: result.base,
      access,
      perturbed: result.perturbed,
      suppressed: result.suppressed,
    })),
    factors: testAcrossGroups(labelled),
    onlyIn: [...askedBy]
      .filter(([, f]) => f.surveys.length < surveys.length)
      .map(([code, f]) => ({ code, label: f.label, surveys: f.surveys })),
  };
}
