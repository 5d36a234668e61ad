// Two groups of one breakdown compared on a level's factors, within the current filter.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import type { GroupComparisonQuery, ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { getAttention } from "./get-attention";
import { toComparison, type Comparison } from "./to-comparison";

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
