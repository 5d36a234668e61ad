// A survey's results for a filter, as dashboards and the results API read them: a level's
// attention chart, two groups compared, and the sample's make-up.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { aggregateDays, aggregateDistributions, sumScope } from "./cell-queries";
import type { GroupComparisonQuery, Measure, ResultsFilter } from "./dashboard-schema";
import { publicationFor, sizeOfRow, type Publication } from "./disclosure";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { levelItems } from "./metric-map";
import { surveyBreakdowns } from "./survey-breakdowns";
import { toAttentionResult, type AttentionResult, type WeightingNote } from "./to-attention-result";
import { toComparison, type Comparison } from "./to-comparison";
import { toComposition, type Composition } from "./to-composition";

/** Members see exact figures; the public what the survey's disclosure rules publish. */
export const publicationOf = (survey: DashboardSurvey): Publication =>
  publicationFor(survey.access === "public" ? "public" : "exact", survey.disclosure);

// One level's attention chart for a survey and filter (DESIGN.md §4 and §5).
export type GetAttentionOptions = {
  db: Db;
  survey: DashboardSurvey;
  level: FactorLevel;
  filter: ResultsFilter;
  measure: Measure;
  locale: Locale;
};

export async function getAttention({
  db,
  survey,
  level,
  filter,
  measure,
  locale,
}: GetAttentionOptions): Promise<AttentionResult> {
  const publication = publicationOf(survey);
  const rows = await sumScope({ db, surveyId: survey.id, scope: level, filter });
  return toAttentionResult({
    level,
    items: levelItems(survey.definition, level),
    rows,
    measure,
    locale,
    publication,
    weighting: weightingNoteOf(survey, publication),
  });
}

/** Which weights a weighted survey's figures use: members only (the public's figures are unweighted). */
export const weightingNoteOf = (survey: DashboardSurvey, publication: Publication): WeightingNote | null =>
  publication.view === "exact" && survey.weighting
    ? {
        method: survey.weighting.method,
        computedAt: survey.weighting.computedAt.toISOString(),
        stale: survey.weighting.stale,
      }
    : null;

// Two groups of one breakdown compared on a level's factors, within the current filter.
export type GetComparisonOptions = {
  db: Db;
  survey: DashboardSurvey;
  level: FactorLevel;
  filter: ResultsFilter;
  compare: GroupComparisonQuery;
  locale: Locale;
};

export async function getComparison({
  db,
  survey,
  level,
  filter,
  compare,
  locale,
}: GetComparisonOptions): Promise<Comparison> {
  const group = (value: string) =>
    getAttention({
      db,
      survey,
      level,
      locale,
      measure: "cases",
      filter: { ...filter, breakdowns: { ...filter.breakdowns, [compare.by]: value } },
    });
  const [a, b] = await Promise.all([group(compare.a), group(compare.b)]);
  return toComparison(a, b);
}

/** Delivered and valid responses of the whole survey, as this viewer may see them. */
export async function getSampleTotals({ db, survey }: { db: Db; survey: DashboardSurvey }) {
  const rows = await sumScope({ db, surveyId: survey.id, scope: "all", filter: { breakdowns: {} } });
  const publication = publicationOf(survey);
  const size = (metric: string) =>
    sizeOfRow(
      publication,
      rows.find((r) => r.metric === metric),
    );
  return { delivered: size("delivered"), valid: size("valid") };
}

// The sample's make-up and response counts for a survey and filter.
export async function getComposition({
  db,
  survey,
  filter,
  locale,
}: {
  db: Db;
  survey: DashboardSurvey;
  filter: ResultsFilter;
  locale: Locale;
}): Promise<Composition> {
  const breakdowns = surveyBreakdowns(survey.definition);
  const [totals, distributionRows, days] = await Promise.all([
    sumScope({ db, surveyId: survey.id, scope: "all", filter }),
    aggregateDistributions({ db, surveyId: survey.id, filter, keys: breakdowns.map((b) => b.key) }),
    aggregateDays({ db, surveyId: survey.id, filter }),
  ]);
  return toComposition({
    breakdowns,
    totals,
    distributionRows,
    days,
    locale,
    publication: publicationOf(survey),
  });
}
