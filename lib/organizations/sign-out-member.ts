// An owner ends every session of a member ("sign out everywhere": a lost laptop, a shared
// computer). The member can sign in again with their password; the owner's own browser stays
// signed in when they do this for themselves.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { endUserSessions } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";

export async function signOutMember(options: { db: Db; actor: Actor; membershipId: string }): Promise<number> {
  const { db, actor, membershipId } = options;
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organizationId: { in: organizationsWhere(actor, roleFor("members.manage")) } },
      include: { user: { select: { email: true } } },
    });
    if (!membership) throw new MembershipError("notFound");
    const ended = await endUserSessions({ db: tx, userId: membership.userId, keepSessionId: actor.sessionId });
    await recordEvent({
      db: tx,
      organizationId: membership.organizationId,
      actorId: actor.userId,
      action: "member.signed_out",
      targetType: "membership",
      targetId: membership.id,
      data: { email: membership.user.email, sessions: ended },
    });
    return ended;
  });
}
