// Creates an invitation collector: one single-use token per firm. Only each token's SHA-256 is
// stored, so a leaked database cannot be used to answer in a firm's name; the tokens are
// returned once, to be shown and downloaded right away, and cannot be shown again.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/audit/record-event";
import { hashInvitationToken } from "@/lib/responses/invitation-token";
import type { InvitationRow } from "./parse-invitation-csv";

export const INVITATION_TOKEN_PREFIX = "inv_";

/** Null when the actor may not field the survey; otherwise each firm with its invitation's id and token. */
export async function createInvitations(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  name: string;
  rows: InvitationRow[];
}) {
  const survey = await opts.db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, roleFor("surveys.manage")) } },
    select: { id: true, organizationId: true },
  });
  if (!survey) return null;
  // 128 random bits: unguessable, and short enough for a link in an SMS or a letter.
  const tokens = opts.rows.map((row) => {
    const token = INVITATION_TOKEN_PREFIX + randomBytes(16).toString("base64url");
    return { ...row, token, tokenHash: hashInvitationToken(token) };
  });
  return opts.db.$transaction(async (tx) => {
    const collector = await tx.collector.create({
      data: { surveyId: survey.id, kind: "invitation", name: opts.name },
      select: { id: true },
    });
    const created = await tx.invitationToken.createManyAndReturn({
      data: tokens.map((t) => ({
        collectorId: collector.id,
        tokenHash: t.tokenHash,
        firmName: t.firmName,
        contact: t.contact,
        firmIdentifier: t.firmIdentifier,
      })),
      select: { id: true, tokenHash: true },
    });
    const idOf = new Map(created.map((c) => [c.tokenHash, c.id]));
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: opts.actor.userId,
      action: "collector.created",
      targetType: "collector",
      targetId: collector.id,
      data: { surveyId: survey.id, kind: "invitation", name: opts.name, invitations: tokens.length },
    });
    return {
      collectorId: collector.id,
      invitations: tokens.map(({ tokenHash, ...t }) => ({ id: idOf.get(tokenHash)!, ...t })),
    };
  });
}
