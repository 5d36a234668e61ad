// k groups of one breakdown (all its values that have responses, or a chosen list) compared on a
// level's factors, within the current filter: one query for every group's sums, then each
// group's attention result as this viewer may see it, then the tests across the groups.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { GroupsQuery } from "./comparison-query-schema";
import type { ResultsFilter } from "./dashboard-schema";
import type { DashboardSurvey } from "./find-dashboard-survey";
import { sumScopeByGroup } from "./group-queries";
import { levelItems } from "./metric-map";
import { publicationOf, weightingNoteOf } from "./results";
import { surveyBreakdowns } from "./survey-breakdowns";
import { toAttentionResult } from "./to-attention-result";
import { toGroupsComparison, type GroupsComparison } from "./to-groups-comparison";

export type GetGroupsComparisonOptions = {
  db: Db;
  survey: DashboardSurvey;
  level: FactorLevel;
  filter: ResultsFilter;
  compare: GroupsQuery;
  locale: Locale;
};

export async function getGroupsComparison({
  db,
  survey,
  level,
  filter,
  compare,
  locale,
}: GetGroupsComparisonOptions): Promise<GroupsComparison> {
  // The groups are the breakdown's values: a filter on that breakdown gives way to them.
  const { [compare.by]: _compared, ...others } = filter.breakdowns;
  const publication = publicationOf(survey);
  const [rowsByGroup, weighting] = await Promise.all([
    sumScopeByGroup({
      db,
      surveyId: survey.id,
      scope: level,
      by: compare.by,
      filter: { ...filter, breakdowns: others },
    }),
    weightingNoteOf(survey, publication),
  ]);
  const options = surveyBreakdowns(survey.definition).find((b) => b.key === compare.by)?.options ?? [];
  const hasBase = (code: string) => rowsByGroup.get(code)?.some((r) => r.metric === "base" && r.responses > 0);
  const chosen = compare.groups
    ? options.filter((o) => compare.groups!.includes(o.code))
    : options.filter((o) => hasBase(o.code));
  const items = levelItems(survey.definition, level);
  return toGroupsComparison({
    level,
    by: compare.by,
    groups: chosen.map((o) => ({
      code: o.code,
      label: localizedText(o.label, locale),
      result: toAttentionResult({
        level,
        items,
        rows: rowsByGroup.get(o.code) ?? [],
        measure: "cases",
        locale,
        publication,
        weighting,
      }),
    })),
    threshold: publication.settings.threshold,
    perturbed: publication.perturbed,
  });
}
