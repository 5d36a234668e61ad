// Two factors of a level answered by the same firms, within the current filter: the 2 × 2 table
// from the tallies, shaped for this viewer, with McNemar's test.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { PairedQuery } from "./comparison-query-schema";
import type { ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { countPairs } from "./paired-queries";
import { publicationOf } from "./results";
import { toPairedComparison, type PairedComparison } from "./to-paired-comparison";

export type GetPairedComparisonOptions = {
  db: Db;
  survey: DashboardSurvey;
  filter: ResultsFilter;
  pair: PairedQuery;
  locale: Locale;
};

export async function getPairedComparison({
  db,
  survey,
  filter,
  pair,
  locale,
}: GetPairedComparisonOptions): Promise<PairedComparison> {
  const counts = await countPairs({ db, surveyId: survey.id, level: pair.level, a: pair.a, b: pair.b, filter });
  const named = (item: PairedQuery["a"]) => ({ code: item.code, label: localizedText(item.label, locale) });
  return toPairedComparison({
    level: pair.level,
    a: named(pair.a),
    b: named(pair.b),
    counts,
    publication: publicationOf(survey),
  });
}
