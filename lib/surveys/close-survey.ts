// Closes a survey now: from this moment it takes no responses (the respondent API answers 410).
// Its close date becomes now; a survey not yet open loses its opening date, so it reads as closed
// rather than scheduled. Closing a closed survey changes nothing.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/audit/record-event";
import { surveyStatus } from "./survey-status";

/** False when the actor may not manage a survey with that slug. */
export async function closeSurvey(opts: { db: Db; actor: Actor; slug: string; now?: Date }) {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const survey = await tx.survey.findFirst({
      where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, roleFor("surveys.manage")) } },
      select: { id: true, organizationId: true, opensAt: true, closesAt: true },
    });
    if (!survey) return false;
    if (surveyStatus(survey, now) === "closed") return true;
    const opensAt = survey.opensAt && survey.opensAt > now ? null : survey.opensAt;
    await tx.survey.update({ where: { id: survey.id }, data: { closesAt: now, opensAt } });
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: opts.actor.userId,
      action: "survey.closed",
      targetType: "survey",
      targetId: survey.id,
      data: {
        closesAt: now.toISOString(),
        previousClosesAt: survey.closesAt?.toISOString() ?? null,
        previousOpensAt: survey.opensAt?.toISOString() ?? null,
      },
    });
    return true;
  });
}
