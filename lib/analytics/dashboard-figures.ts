// Everything a dashboard shows for one view (survey, filter, measure, comparisons, language, who
// asks): the page computes it for its first render, and the live feed computes it once per tick
// for every open dashboard with the same view (lib/analytics/live-dashboards.ts).
import "server-only";
import type { Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { screenedByRule, type ScreenedByRule } from "@/lib/responses/screened-by-rule";
import { parseGroupsComparison, parsePairedQuery } from "./comparison-query-schema";
import { MeasureSchema, type ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { getGroupsComparison } from "./get-groups-comparison";
import { getPairedComparison } from "./get-paired-comparison";
import { levelsOf } from "./metric-map";
import { getAttention, getComposition } from "./results";
import { surveyBreakdowns } from "./survey-breakdowns";

export type DashboardFigures = {
  attention: Awaited<ReturnType<typeof getAttention>>[];
  composition: Awaited<ReturnType<typeof getComposition>> | null;
  comparisons: Awaited<ReturnType<typeof getGroupsComparison>>[];
  paired: Awaited<ReturnType<typeof getPairedComparison>> | null;
  screened: ScreenedByRule | null;
};

export async function getDashboardFigures(opts: {
  db: Db;
  survey: DashboardSurvey;
  filter: ResultsFilter;
  search: URLSearchParams;
  locale: Locale;
  actor: Actor | null;
}): Promise<DashboardFigures> {
  const { db, survey, filter, search, locale } = opts;
  const measure = MeasureSchema.catch("cases").parse(search.get("measure") ?? undefined);
  const compare = parseGroupsComparison(search, surveyBreakdowns(survey.definition));
  const pairLevel = search.get("pair_level");
  const pairA = search.get("pair_a");
  const pairB = search.get("pair_b");
  const pair =
    pairLevel && pairA && pairB ? parsePairedQuery({ level: pairLevel, a: pairA, b: pairB }, survey.definition) : null;
  const levels = levelsOf(survey.definition);
  const [attention, composition, comparisons, paired, screened] = await Promise.all([
    Promise.all(levels.map((level) => getAttention({ db, survey, level, filter, measure, locale }))),
    getComposition({ db, survey, filter, locale }),
    compare && !("issues" in compare)
      ? Promise.all(levels.map((level) => getGroupsComparison({ db, survey, level, filter, compare, locale })))
      : Promise.resolve([]),
    pair && !("issues" in pair) ? getPairedComparison({ db, survey, filter, pair, locale }) : Promise.resolve(null),
    survey.access === "member"
      ? screenedByRule({ db, actor: opts.actor, surveyId: survey.id, filter })
      : Promise.resolve(null),
  ]);
  return { attention, composition, comparisons, paired, screened };
}
