// The surveys of the actor's organizations with their status and response counts.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { surveyStatus } from "./survey-status";

/** `organizationId` narrows the list to one of the actor's organizations (the current one). */
export async function listSurveys(opts: { db: Db; actor: Actor; organizationId?: string }) {
  const ids = organizationsWhere(opts.actor, "viewer").filter(
    (id) => !opts.organizationId || id === opts.organizationId,
  );
  const surveys = await opts.db.survey.findMany({
    where: { organizationId: { in: ids } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      opensAt: true,
      closesAt: true,
      version: { select: { number: true, questionnaire: { select: { code: true } } } },
    },
  });
  // One grouped count for all listed surveys rather than one query per survey.
  const counts = await opts.db.$queryRaw<{ survey_id: string; delivered: bigint; valid: bigint }[]>`
    SELECT survey_id::text,
           count(*) FILTER (WHERE status = 'complete') AS delivered,
           count(*) FILTER (WHERE valid) AS valid
    FROM response WHERE survey_id = ANY(${surveys.map((s) => s.id)}::uuid[])
    GROUP BY survey_id`;
  const byId = new Map(counts.map((c) => [c.survey_id, c]));
  return surveys.map((s) => ({
    ...s,
    status: surveyStatus(s),
    delivered: Number(byId.get(s.id)?.delivered ?? 0),
    valid: Number(byId.get(s.id)?.valid ?? 0),
  }));
}
