// Stops weighting a survey: its targets and weights go, and its cells' weighted sums are zeroed
// in the same transaction, so no dashboard shows weighted figures of targets no longer there.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import type { WeightingSurvey } from "./weighting-survey";

export async function removeWeighting(opts: { db: Db; actor: Actor; survey: WeightingSurvey }): Promise<boolean> {
  const { db, actor, survey } = opts;
  return db.$transaction(async (tx) => {
    const removed = await tx.surveyWeighting.deleteMany({ where: { surveyId: survey.id } });
    if (removed.count === 0) return false;
    await tx.responseWeight.deleteMany({ where: { surveyId: survey.id } });
    await tx.$executeRaw`SELECT analytics_apply_weights(${survey.id}::uuid)`;
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: actor.userId,
      action: "survey.weighting_removed",
      targetType: "survey",
      targetId: survey.id,
      data: {},
    });
    await tx.$executeRaw`SELECT pg_notify('survey_results', ${survey.id})`;
    return true;
  });
}
