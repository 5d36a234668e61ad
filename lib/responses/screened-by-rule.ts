// Why a survey's complete responses were screened out, rule by rule, within a dashboard's filter:
// members read it under the sample counts, so "Valid 0" never stands without its reason. Exact
// counts, so never for the public (filters could single out small groups).
import "server-only";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import type { ScreeningRule } from "@/lib/db/generated/client";
import { breakdownsCondition, dateCondition } from "@/lib/analytics/cell-queries";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";

export type ScreenedByRule = {
  rules: { rule: ScreeningRule; count: number }[];
  /** The survey's "too fast" limit, named next to that rule. */
  minCompletionSeconds: number | null;
  /** Whether the actor may open the screened responses (researchers and owners). */
  reviewable: boolean;
};

/** Null unless the actor is a member (viewer or above) of the survey's organization. */
export async function screenedByRule(opts: {
  db: Db;
  actor: Actor | null;
  surveyId: string;
  filter: ResultsFilter;
}): Promise<ScreenedByRule | null> {
  const survey = await opts.db.survey.findFirst({
    where: { id: opts.surveyId, organizationId: { in: organizationsWhere(opts.actor, "viewer") } },
    select: { organizationId: true, minCompletionSeconds: true },
  });
  if (!survey) return null;
  const rules = await opts.db.$queryRaw<{ rule: ScreeningRule; count: number }[]>`
    SELECT r.screened_rule::text AS rule, count(*)::int AS count
    FROM response r
    WHERE r.survey_id = ${opts.surveyId}::uuid AND r.status = 'complete' AND NOT r.valid
      ${breakdownsCondition("r", opts.filter)} ${dateCondition("r.completed_at", opts.filter)}
    GROUP BY r.screened_rule
    ORDER BY count(*) DESC, r.screened_rule`;
  return {
    rules,
    minCompletionSeconds: survey.minCompletionSeconds,
    reviewable: organizationsWhere(opts.actor, "researcher").includes(survey.organizationId),
  };
}
