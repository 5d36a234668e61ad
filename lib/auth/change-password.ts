// A signed-in user changes their own password: the current one must be given, so a session left
// open on a shared computer cannot be used to take over the account.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordEvent } from "@/lib/audit/record-event";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";

/** Every other session of the user ends: whoever knew the old password is signed out. */
export async function changePassword(opts: {
  db: Db;
  userId: string;
  currentPassword: string;
  newPassword: string;
  /** The session that asked, which stays signed in. */
  keepSessionId?: string;
}) {
  const { db, userId } = opts;
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, memberships: true } });
  if (!user?.passwordHash || !(await verifyPassword(opts.currentPassword, user.passwordHash)))
    return "wrong_password" as const;
  const passwordHash = await hashPassword(opts.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await endUserSessions({ db: tx, userId, keepSessionId: opts.keepSessionId });
    // Owners see it in each of the user's organizations' audit logs.
    for (const m of user.memberships)
      await recordEvent({
        db: tx,
        organizationId: m.organizationId,
        actorId: userId,
        action: "user.password_changed",
        targetType: "user",
        targetId: userId,
      });
  });
  return "changed" as const;
}
