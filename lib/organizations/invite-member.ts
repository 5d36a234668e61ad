// An owner invites someone by e-mail address. The platform sends no mail: the owner gets a
// single-use link to pass on, valid for INVITATION_TTL_DAYS.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";
import type { InviteMemberInput } from "./organization-schemas";
import { newSecretToken } from "./secret-token";

export const INVITATION_TTL_DAYS = 7;

export async function inviteMember(options: {
  db: Db;
  actor: Actor;
  organizationId: string;
  input: InviteMemberInput;
}) {
  const { db, actor, organizationId, input } = options;
  const organization = await db.organization.findFirst({
    where: { id: organizationId, AND: { id: { in: organizationsWhere(actor, "owner") } } },
    select: { id: true },
  });
  if (!organization) throw new MembershipError("notFound");
  const existing = await db.membership.findFirst({
    where: { organizationId, user: { email: input.email } },
    select: { id: true },
  });
  if (existing) throw new MembershipError("alreadyMember");

  const { token, tokenHash } = newSecretToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await db.$transaction(async (tx) => {
    const created = await tx.membershipInvitation.create({
      data: { organizationId, email: input.email, role: input.role, tokenHash, invitedById: actor.userId, expiresAt },
    });
    await recordEvent({
      db: tx,
      organizationId,
      actorId: actor.userId,
      action: "member.invited",
      targetType: "invitation",
      targetId: created.id,
      data: { email: input.email, role: input.role },
    });
    return created;
  });
  return { invitation, token };
}
