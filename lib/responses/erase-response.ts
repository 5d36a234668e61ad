// An owner erases one response on the respondent's request (the right to erasure): the response
// and its answer rows go, the result cells drop its contribution (the analytics triggers), and
// the audit log keeps who erased which response when, but none of its answers.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/audit/record-event";
import { isUuid } from "@/lib/db/uuid";

export async function eraseResponse(opts: { db: Db; actor: Actor; slug: string; id: string }): Promise<boolean> {
  if (!isUuid(opts.id)) return false;
  return opts.db.$transaction(async (tx) => {
    const response = await tx.response.findFirst({
      where: {
        id: opts.id,
        survey: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, roleFor("responses.erase")) } },
      },
      select: { id: true, status: true, survey: { select: { id: true, slug: true, organizationId: true } } },
    });
    if (!response) return false;
    await tx.response.delete({ where: { id: response.id } });
    await recordEvent({
      db: tx,
      organizationId: response.survey.organizationId,
      actorId: opts.actor.userId,
      action: "response.erased",
      targetType: "response",
      targetId: response.id,
      data: { survey: response.survey.slug, status: response.status },
    });
    return true;
  });
}
