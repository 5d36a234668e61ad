// The invitee joins: either as a new account (name and password) or, when an account with the
// invited address exists, by signing in as it first. The link works once: the claim is a
// conditional UPDATE, so two tabs accepting at once cannot both succeed.
import "server-only";
import type { Db, Prisma } from "@/lib/db/create-client";
import { hashPassword } from "@/lib/auth/password";
import { recordEvent } from "@/lib/audit/record-event";
import { invitationState } from "./find-invitation";
import { MembershipError } from "./membership-error";
import type { AcceptAsNewUserInput } from "./organization-schemas";
import { hashSecretToken } from "./secret-token";

type Tx = Prisma.TransactionClient;

async function claim(tx: Tx, token: string) {
  const invitation = await tx.membershipInvitation.findUnique({ where: { tokenHash: hashSecretToken(token) } });
  if (!invitation) throw new MembershipError("invitationInvalid");
  const state = invitationState(invitation);
  if (state !== "open") throw new MembershipError(state);
  const claimed = await tx.membershipInvitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count !== 1) throw new MembershipError("invitationUsed");
  return invitation;
}

async function join(tx: Tx, invitation: Awaited<ReturnType<typeof claim>>, userId: string) {
  // Someone already in the organization keeps their membership; the invitation's role applies only to newcomers.
  const membership = await tx.membership.upsert({
    where: { organizationId_userId: { organizationId: invitation.organizationId, userId } },
    create: { organizationId: invitation.organizationId, userId, role: invitation.role },
    update: {},
  });
  await recordEvent({
    db: tx,
    organizationId: invitation.organizationId,
    actorId: userId,
    action: "member.joined",
    targetType: "membership",
    targetId: membership.id,
    data: { email: invitation.email, role: membership.role, invitationId: invitation.id },
  });
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: invitation.organizationId },
    select: { slug: true },
  });
  return {
    organizationId: invitation.organizationId,
    organizationSlug: organization.slug,
    email: invitation.email,
    role: membership.role,
  };
}

/** For a signed-in user: joins if the invitation was made out to their e-mail address. */
export async function acceptInvitationAsUser(options: { db: Db; token: string; userId: string }) {
  const { db, token, userId } = options;
  return db.$transaction(async (tx) => {
    const invitation = await claim(tx, token);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    if (user.email !== invitation.email) throw new MembershipError("emailMismatch");
    return join(tx, invitation, userId);
  });
}

/** For a newcomer: creates their account with the invited address, then joins. */
export async function acceptInvitationAsNewUser(options: { db: Db; token: string; input: AcceptAsNewUserInput }) {
  const { db, token, input } = options;
  // Hashing is deliberately slow; do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const invitation = await claim(tx, token);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } }))
      throw new MembershipError("accountExists");
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash } });
    return join(tx, invitation, user.id);
  });
}
