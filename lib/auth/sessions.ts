// Server-side sessions behind the signed session cookie: the cookie carries a session id, and a
// session counts only while its row is neither revoked nor past its absolute or idle lifetime.
// So signing out, a password change and an owner's "sign out everywhere" end sessions at once,
// and refreshing the cookie never stretches a session past its absolute lifetime.
import "server-only";
import type { Db, Prisma } from "@/lib/db/create-client";
import { isUuid } from "@/lib/db/uuid";

/** However active, a session ends this long after signing in. */
export const SESSION_ABSOLUTE_SECONDS = 8 * 60 * 60;
/** A session nobody used for this long ends. */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** lastSeenAt is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60_000;

export async function startSession(opts: { db: Db; userId: string }): Promise<string> {
  const session = await opts.db.userSession.create({ data: { userId: opts.userId }, select: { id: true } });
  return session.id;
}

/** Whether the session may still be used; marks it as used now. */
export async function sessionIsLive(opts: { db: Db; sessionId: string; userId: string; now?: Date }): Promise<boolean> {
  if (!isUuid(opts.sessionId)) return false;
  const now = opts.now ?? new Date();
  const session = await opts.db.userSession.findFirst({
    where: {
      id: opts.sessionId,
      userId: opts.userId,
      revokedAt: null,
      createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000) },
      lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) },
    },
    select: { lastSeenAt: true },
  });
  if (!session) return false;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS)
    await opts.db.userSession.update({ where: { id: opts.sessionId }, data: { lastSeenAt: now } });
  return true;
}

export async function endSession(opts: { db: Db; sessionId: string }) {
  if (!isUuid(opts.sessionId)) return;
  await opts.db.userSession.updateMany({
    where: { id: opts.sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** Ends every session of the user, except `keepSessionId` (the browser that asked). Returns how many. */
export async function endUserSessions(opts: {
  db: Db | Prisma.TransactionClient;
  userId: string;
  keepSessionId?: string;
}): Promise<number> {
  const { count } = await opts.db.userSession.updateMany({
    where: {
      userId: opts.userId,
      revokedAt: null,
      ...(opts.keepSessionId && isUuid(opts.keepSessionId) ? { id: { not: opts.keepSessionId } } : {}),
    },
    data: { revokedAt: new Date() },
  });
  return count;
}
