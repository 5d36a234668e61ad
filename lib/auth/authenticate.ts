// Password sign-in that resists abuse without letting anyone lock an account (OWASP
// Authentication Cheat Sheet, "account lockout"): failures for an account make each further
// attempt from an unfamiliar client wait progressively longer (1 s, 2 s, 4 s … up to 5 minutes
// after the latest failure), while the account's usual clients (addresses it signed in from
// recently) are not delayed. Too many failures from one client address block that address only.
// Unknown accounts cost a password hash too, so timing does not tell which accounts exist.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordEvent } from "@/lib/audit/record-event";
import { purgeExpiredAddresses, SIGN_IN_ADDRESS_DAYS } from "@/lib/privacy/purge-addresses";
import { hashPassword, verifyPassword } from "./password";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures for an account before unfamiliar clients have to wait. */
export const FREE_FAILURES_PER_ACCOUNT = 4;
export const MAX_ACCOUNT_DELAY_SECONDS = 5 * 60;
export const MAX_FAILURES_PER_IP = 20;
/** An address the account signed in from within this period (as long as attempts are kept) is one of its usual clients. */
export const USUAL_CLIENT_DAYS = SIGN_IN_ADDRESS_DAYS;

type SignedInUser = { id: string; email: string; name: string };
export type AuthenticationResult =
  { status: "ok"; user: SignedInUser } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/** The wait after an account's latest failure, given its failures within the window. */
export function accountDelaySeconds(failures: number): number {
  if (failures <= FREE_FAILURES_PER_ACCOUNT) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES_PER_ACCOUNT - 1), MAX_ACCOUNT_DELAY_SECONDS);
}

// Hashed once per process from a random password that no one can know.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString("base64url")));

/** Seconds until the oldest of the failures that make up the limit leaves the window. */
async function ipRetryAfter(ip: string, since: Date): Promise<number> {
  const failures = await db.signInAttempt.findMany({
    where: { ip, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES_PER_IP,
    select: { createdAt: true },
  });
  const oldest = failures.at(-1)?.createdAt ?? new Date();
  return Math.max(1, Math.ceil((oldest.getTime() + THROTTLE_WINDOW_MS - Date.now()) / 1000));
}

/** Seconds an unfamiliar client must still wait before trying this account, or 0. */
async function accountWait(email: string, ip: string, since: Date): Promise<number> {
  const usual = await db.signInAttempt.findFirst({
    where: { email, ip, succeeded: true, createdAt: { gte: new Date(Date.now() - USUAL_CLIENT_DAYS * 86_400_000) } },
    select: { id: true },
  });
  if (usual) return 0;
  const where = { email, succeeded: false, createdAt: { gte: since } };
  const [failures, latest] = await Promise.all([
    db.signInAttempt.count({ where }),
    db.signInAttempt.findFirst({ where, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const delayMs = accountDelaySeconds(failures) * 1000;
  const waitMs = latest ? latest.createdAt.getTime() + delayMs - Date.now() : 0;
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

export async function authenticate(opts: {
  email: string;
  password: string;
  ip: string;
}): Promise<AuthenticationResult> {
  const email = opts.email.trim().toLowerCase();
  if (!email || !opts.password) return { status: "invalid" };
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const byIp = await db.signInAttempt.count({ where: { ip: opts.ip, succeeded: false, createdAt: { gte: since } } });
  if (byIp >= MAX_FAILURES_PER_IP)
    return { status: "throttled", retryAfterSeconds: await ipRetryAfter(opts.ip, since) };
  const wait = await accountWait(email, opts.ip, since);
  if (wait > 0) return { status: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { select: { organizationId: true } } },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(opts.password, user.passwordHash)
    : (await verifyPassword(opts.password, await dummyPasswordHash())) && false;
  await db.signInAttempt.create({ data: { email, ip: opts.ip, succeeded: ok } });
  if (!ok || !user) return { status: "invalid" };
  // Each organization's owners see their members' sign-ins in its audit log.
  for (const { organizationId } of user.memberships) {
    await recordEvent({ db, organizationId, actorId: user.id, action: "user.signed_in", data: { ip: opts.ip } });
  }
  await purgeExpiredAddresses({ db });
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name } };
}
