// The answer when a survey command found no survey it may act on: 403 when the caller does see
// the survey but their role lacks the permission (so a script knows to ask for another role),
// 404 otherwise, exactly as if the survey did not exist. The command itself already filtered by
// the actor's organizations; this only words the refusal.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { apiError, notFound } from "@/lib/http/api-response";

export async function surveyRefusal(opts: { db: Db; actor: Actor; slug: string; permission: Permission }) {
  const visible = await opts.db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, "viewer") } },
    select: { id: true },
  });
  if (!visible) return notFound("No survey of your organizations has this slug.");
  return apiError(
    403,
    "forbidden",
    `This needs the ${PERMISSIONS[opts.permission]} role in the survey's organization (${opts.permission}).`,
  );
}
