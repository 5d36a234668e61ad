// What an invitation link leads to, for the page the invitee opens (no sign-in needed: the
// secret in the link is the permission to see it).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Role } from "@/lib/auth/roles";
import type { MembershipErrorCode } from "./membership-error";
import { hashSecretToken } from "./secret-token";

export type InvitationState =
  "open" | Extract<MembershipErrorCode, "invitationExpired" | "invitationUsed" | "invitationRevoked">;

export type InvitationView = {
  id: string;
  organizationId: string;
  organizationName: string;
  email: string;
  role: Role;
  expiresAt: Date;
  state: InvitationState;
  /** Whether an account with the invited address exists (then the invitee signs in instead). */
  accountExists: boolean;
};

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return "invitationUsed";
  if (invitation.revokedAt) return "invitationRevoked";
  if (invitation.expiresAt <= now) return "invitationExpired";
  return "open";
}

export async function findInvitation(options: { db: Db; token: string }): Promise<InvitationView | null> {
  const invitation = await options.db.membershipInvitation.findUnique({
    where: { tokenHash: hashSecretToken(options.token) },
    include: { organization: { select: { name: true } } },
  });
  if (!invitation) return null;
  const account = await options.db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    id: invitation.id,
    organizationId: invitation.organizationId,
    organizationName: invitation.organization.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation),
    accountExists: Boolean(account),
  };
}
