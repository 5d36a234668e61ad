// Screening by hand: a researcher marks a complete response invalid, always with a reason, or
// restores it. Nothing is deleted; each change is recorded in the audit log.
import "server-only";
import type { Db, Prisma } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/audit/record-event";
import { ScreeningReasonSchema } from "./screening-reason-schema";
import { isUuid } from "@/lib/db/uuid";

export type ScreenResult = "done" | "not_found" | "not_complete";

/** `slug` undefined: any survey of the actor's organizations (the API addresses a response by its id). */
async function findScreenable(tx: Prisma.TransactionClient, actor: Actor, slug: string | undefined, id: string) {
  if (!isUuid(id)) return null;
  return tx.response.findFirst({
    where: { id, survey: { slug, organizationId: { in: organizationsWhere(actor, roleFor("responses.write")) } } },
    select: {
      id: true,
      status: true,
      screenedRule: true,
      screenedReason: true,
      survey: { select: { organizationId: true } },
    },
  });
}

export async function markResponseInvalid(opts: {
  db: Db;
  actor: Actor;
  slug?: string;
  id: string;
  reason: string;
}): Promise<ScreenResult> {
  const reason = ScreeningReasonSchema.parse(opts.reason);
  return opts.db.$transaction(async (tx) => {
    const response = await findScreenable(tx, opts.actor, opts.slug, opts.id);
    if (!response) return "not_found";
    if (response.status !== "complete") return "not_complete";
    await tx.response.update({
      where: { id: response.id },
      data: { screenedRule: "manual", screenedReason: reason, screenedAt: new Date(), screenedById: opts.actor.userId },
    });
    await recordEvent({
      db: tx,
      organizationId: response.survey.organizationId,
      actorId: opts.actor.userId,
      action: "response.screened",
      targetType: "response",
      targetId: response.id,
      data: { reason, previousRule: response.screenedRule, previousReason: response.screenedReason },
    });
    return "done";
  });
}

/** Returns a screened response (by hand or by a rule) to the valid set. */
export async function restoreResponse(opts: {
  db: Db;
  actor: Actor;
  slug?: string;
  id: string;
}): Promise<ScreenResult> {
  return opts.db.$transaction(async (tx) => {
    const response = await findScreenable(tx, opts.actor, opts.slug, opts.id);
    if (!response) return "not_found";
    await tx.response.update({
      where: { id: response.id },
      data: { screenedRule: null, screenedReason: null, screenedAt: null, screenedById: null },
    });
    await recordEvent({
      db: tx,
      organizationId: response.survey.organizationId,
      actorId: opts.actor.userId,
      action: "response.unscreened",
      targetType: "response",
      targetId: response.id,
      data: { previousRule: response.screenedRule, previousReason: response.screenedReason },
    });
    return "done";
  });
}
