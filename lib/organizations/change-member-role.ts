// An owner changes a member's role; the last owner cannot be demoted.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { Role } from "@/lib/auth/roles";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";
import { assertAnotherOwnerRemains } from "./owner-guard";

export async function changeMemberRole(options: { db: Db; actor: Actor; membershipId: string; role: Role }) {
  const { db, actor, membershipId, role } = options;
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: { in: organizationsWhere(actor, "owner") } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new MembershipError("notFound");
    if (membership.role === role) return membership;
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, membership.organizationId, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordEvent({
      db: tx,
      organizationId: membership.organizationId,
      actorId: actor.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: membership.id,
      data: { email: membership.user.email, from: membership.role, to: role },
    });
    return updated;
  });
}
