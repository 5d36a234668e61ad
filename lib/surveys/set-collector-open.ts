// Closes or reopens a collector. Closing a survey's open link makes it invitation-only: from
// then on only personal invitation links (and paper entry) bring responses in.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";

/** False when no collector of that survey in the actor's organizations has that id. */
export async function setCollectorOpen(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  collectorId: string;
  open: boolean;
}) {
  const { db, actor } = opts;
  return db.$transaction(async (tx) => {
    const collector = await tx.collector.findFirst({
      where: {
        id: opts.collectorId,
        survey: { slug: opts.slug, organizationId: { in: organizationsWhere(actor, "researcher") } },
      },
      select: { id: true, kind: true, survey: { select: { id: true, organizationId: true } } },
    });
    if (!collector) return false;
    await tx.collector.update({ where: { id: collector.id }, data: { closedAt: opts.open ? null : new Date() } });
    await recordEvent({
      db: tx,
      organizationId: collector.survey.organizationId,
      actorId: actor.userId,
      action: opts.open ? "collector.reopened" : "collector.closed",
      targetType: "collector",
      targetId: collector.id,
      data: { surveyId: collector.survey.id, kind: collector.kind },
    });
    return true;
  });
}
