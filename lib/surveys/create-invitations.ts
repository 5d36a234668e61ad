// Creates an invitation collector: one single-use token per firm. Only each token's SHA-256 is
// stored, so a leaked database cannot be used to answer in a firm's name; the tokens are
// returned once, to be shown and downloaded right away, and cannot be shown again.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/actor";
import { hashInvitationToken } from "@/lib/responses/invitation-token";
import type { InvitationRow } from "./parse-invitation-csv";

export const INVITATION_TOKEN_PREFIX = "inv_";

/** Null when the actor may not field the survey; otherwise each firm with its token. */
export async function createInvitations(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  name: string;
  rows: InvitationRow[];
}) {
  const survey = await opts.db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, "researcher") } },
    select: { id: true },
  });
  if (!survey) return null;
  // 128 random bits: unguessable, and short enough for a link in an SMS or a letter.
  const tokens = opts.rows.map((row) => ({
    ...row,
    token: INVITATION_TOKEN_PREFIX + randomBytes(16).toString("base64url"),
  }));
  const collector = await opts.db.collector.create({
    data: {
      surveyId: survey.id,
      kind: "invitation",
      name: opts.name,
      invitations: {
        createMany: {
          data: tokens.map((t) => ({
            tokenHash: hashInvitationToken(t.token),
            firmName: t.firmName,
            contact: t.contact,
            firmIdentifier: t.firmIdentifier,
          })),
        },
      },
    },
    select: { id: true },
  });
  return { collectorId: collector.id, invitations: tokens };
}
