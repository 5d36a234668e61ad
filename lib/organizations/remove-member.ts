// An owner removes a member (their own membership too, unless they are the last owner). The
// user keeps their account and their other organizations; access here ends at their next request,
// because memberships are read on every request (lib/auth/actor.ts).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";
import { assertAnotherOwnerRemains } from "./owner-guard";

export async function removeMember(options: { db: Db; actor: Actor; membershipId: string }) {
  const { db, actor, membershipId } = options;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: { in: organizationsWhere(actor, "owner") } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new MembershipError("notFound");
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, membership.organizationId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    // Their API tokens for this organization would no longer act; revoke them so the list says so.
    await tx.apiToken.updateMany({
      where: { userId: membership.userId, organizationId: membership.organizationId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordEvent({
      db: tx,
      organizationId: membership.organizationId,
      actorId: actor.userId,
      action: "member.removed",
      targetType: "membership",
      targetId: membership.id,
      data: { email: membership.user.email, role: membership.role },
    });
  });
}
