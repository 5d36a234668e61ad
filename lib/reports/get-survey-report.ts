// Everything a survey's report prints, as this viewer may see it (members exact, the public what
// the disclosure rules publish): the sample and why responses were screened out, each level's
// attention shares, the significant differences between groups of each breakdown, and the facts
// the method notes state. The figures come from the same functions as the dashboard and the
// results API (lib/analytics/results.ts), so the three always agree.
import "server-only";
import type { Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import type { DashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { levelsOf } from "@/lib/analytics/metric-map";
import { getAttention, getComparison, getComposition } from "@/lib/analytics/results";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import { significantDifferences } from "@/lib/analytics/to-comparison";
import type { Composition } from "@/lib/analytics/to-composition";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { screenedByRule, type ScreenedByRule } from "@/lib/responses/screened-by-rule";
import type { MethodNoteFacts } from "./report-method-notes";
import { comparedGroupMinimum, comparedGroups, groupPairs, type ComparedGroup } from "./report-shaping";

/** One significant difference: `more` names the factor more often than `less`. */
export type ReportDifference = {
  level: FactorLevel;
  factor: string;
  more: ComparedGroup & { share: number };
  less: ComparedGroup & { share: number };
  pHolm: number;
};

export type ReportBreakdownComparison = {
  key: string;
  /** The question's label; null for a standard breakdown, whose name is interface text. */
  label: string | null;
  groups: ComparedGroup[];
  differences: ReportDifference[];
};

export type SurveyReport = {
  slug: string;
  locale: Locale;
  title: string;
  access: DashboardSurvey["access"];
  previewingPublic: boolean;
  /** The survey's open and close days (YYYY-MM-DD, UTC), when set. */
  opensOn: string | null;
  closesOn: string | null;
  /** The day the figures were read (YYYY-MM-DD, UTC). */
  generatedOn: string;
  composition: Composition;
  /** Per screening rule; members only (exact counts). */
  screening: ScreenedByRule | null;
  levels: AttentionResult[];
  comparisons: ReportBreakdownComparison[];
  methodFacts: MethodNoteFacts;
};

const WHOLE_SURVEY = { breakdowns: {} };
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

async function compareBreakdown(
  db: Db,
  survey: DashboardSurvey,
  levels: FactorLevel[],
  locale: Locale,
  distribution: Composition["distributions"][number],
  minimum: number,
): Promise<ReportBreakdownComparison> {
  const groups = comparedGroups(distribution, minimum);
  const perPair = await Promise.all(
    groupPairs(groups).flatMap(([a, b]) =>
      levels.map(async (level) => {
        const compare = { by: distribution.key, a: a.code, b: b.code };
        const comparison = await getComparison({ db, survey, level, filter: WHOLE_SURVEY, compare, locale });
        return significantDifferences(comparison).map((f): ReportDifference => {
          const sideA = { ...a, share: f.a.share };
          const sideB = { ...b, share: f.b.share };
          const [more, less] = f.more === "a" ? [sideA, sideB] : [sideB, sideA];
          return { level, factor: f.label, more, less, pHolm: f.pHolm! };
        });
      }),
    ),
  );
  const order = (d: ReportDifference) => levels.indexOf(d.level);
  return {
    key: distribution.key,
    label: distribution.label,
    groups,
    // Level by level; within a level, as significantDifferences orders them (largest first).
    differences: perPair.flat().sort((x, y) => order(x) - order(y)),
  };
}

export async function getSurveyReport({
  db,
  actor,
  survey,
  locale,
}: {
  db: Db;
  actor: Actor | null;
  survey: DashboardSurvey;
  locale: Locale;
}): Promise<SurveyReport> {
  const levels = levelsOf(survey.definition);
  const [composition, attention, screening, dates] = await Promise.all([
    getComposition({ db, survey, filter: WHOLE_SURVEY, locale }),
    Promise.all(
      levels.map((level) => getAttention({ db, survey, level, filter: WHOLE_SURVEY, measure: "cases", locale })),
    ),
    survey.access === "member"
      ? screenedByRule({ db, actor, surveyId: survey.id, filter: WHOLE_SURVEY })
      : Promise.resolve(null),
    db.survey.findUniqueOrThrow({ where: { id: survey.id }, select: { opensAt: true, closesAt: true } }),
  ]);
  const minimum = comparedGroupMinimum(survey.threshold);
  const comparisons = await Promise.all(
    composition.distributions.map((d) => compareBreakdown(db, survey, levels, locale, d, minimum)),
  );
  return {
    slug: survey.slug,
    locale,
    title: locale === "zh" ? survey.titleZh : survey.titleEn,
    access: survey.access,
    previewingPublic: survey.previewingPublic,
    opensOn: day(dates.opensAt),
    closesOn: day(dates.closesAt),
    generatedOn: day(new Date())!,
    composition,
    screening,
    levels: attention,
    comparisons,
    methodFacts: {
      access: survey.access,
      disclosure: survey.disclosure,
      publicDashboard: survey.publicDashboard,
      comparedGroupMinimum: minimum,
      weighting: survey.weighting
        ? { method: survey.weighting.method, computedAt: survey.weighting.computedAt.toISOString() }
        : null,
    },
  };
}
