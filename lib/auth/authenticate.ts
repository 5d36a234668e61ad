// Password sign-in with throttling: too many failures for one e-mail address or from one
// client address within the window block further attempts, whatever the password. The caller
// learns when it may try again, so the sign-in page can say so instead of "wrong password".
import "server-only";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { verifyPassword } from "./password";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

type SignedInUser = { id: string; email: string; name: string };
export type AuthenticationResult =
  { status: "ok"; user: SignedInUser } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/** Seconds until the oldest of the failures that make up the limit leaves the window. */
async function retryAfter(where: { email: string } | { ip: string }, limit: number, since: Date): Promise<number> {
  const failures = await db.signInAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  const oldest = failures.at(-1)?.createdAt ?? new Date();
  return Math.max(1, Math.ceil((oldest.getTime() + THROTTLE_WINDOW_MS - Date.now()) / 1000));
}

export async function authenticate(opts: {
  email: string;
  password: string;
  ip: string;
}): Promise<AuthenticationResult> {
  const email = opts.email.trim().toLowerCase();
  if (!email || !opts.password) return { status: "invalid" };
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip: opts.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail >= MAX_FAILURES_PER_EMAIL)
    return { status: "throttled", retryAfterSeconds: await retryAfter({ email }, MAX_FAILURES_PER_EMAIL, since) };
  if (byIp >= MAX_FAILURES_PER_IP)
    return { status: "throttled", retryAfterSeconds: await retryAfter({ ip: opts.ip }, MAX_FAILURES_PER_IP, since) };

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { select: { organizationId: true } } },
  });
  const ok = Boolean(user?.passwordHash && (await verifyPassword(opts.password, user.passwordHash)));
  await db.signInAttempt.create({ data: { email, ip: opts.ip, succeeded: ok } });
  if (!ok || !user) return { status: "invalid" };
  // Each organization's owners see their members' sign-ins in its audit log.
  for (const { organizationId } of user.memberships) {
    await recordEvent({ db, organizationId, actorId: user.id, action: "user.signed_in", data: { ip: opts.ip } });
  }
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
}
