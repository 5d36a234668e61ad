// An owner withdraws an invitation that has not been used yet; its link stops working.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";

export async function revokeInvitation(options: { db: Db; actor: Actor; invitationId: string }) {
  const { db, actor, invitationId } = options;
  await db.$transaction(async (tx) => {
    const invitation = await tx.membershipInvitation.findFirst({
      where: {
        id: invitationId,
        acceptedAt: null,
        revokedAt: null,
        organizationId: { in: organizationsWhere(actor, "owner") },
      },
    });
    if (!invitation) throw new MembershipError("notFound");
    await tx.membershipInvitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordEvent({
      db: tx,
      organizationId: invitation.organizationId,
      actorId: actor.userId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: invitation.id,
      data: { email: invitation.email },
    });
  });
}
