// The sample's make-up and response counts for a survey and filter.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { sumScope } from "./aggregate-attention";
import { aggregateDays, aggregateDistributions } from "./aggregate-composition";
import type { ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { surveyBreakdowns } from "./survey-breakdowns";
import { toComposition, type Composition } from "./to-composition";

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
    threshold: survey.threshold,
    enforceThreshold: survey.access === "public",
  });
}
