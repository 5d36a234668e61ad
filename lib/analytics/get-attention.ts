// One level's attention chart for a survey and filter (DESIGN.md §4 and §5).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { sumScope } from "./aggregate-attention";
import type { Measure, ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { levelItems } from "./metric-map";
import { toAttentionResult, type AttentionResult } from "./to-attention-result";

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
  const rows = await sumScope({ db, surveyId: survey.id, scope: level, filter });
  return toAttentionResult({
    level,
    items: levelItems(survey.definition, level),
    rows,
    measure,
    locale,
    threshold: survey.threshold,
    enforceThreshold: survey.access === "public",
  });
}
