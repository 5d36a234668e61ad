// How long client addresses are kept: only as long as a limit needs them (README, Privacy).
// - sign_in_attempt: 30 days (an address the account signed in from within them is one of its
//   usual clients, spared the progressive delay; failures only count for 15 minutes);
// - the address in the audit log's sign-in events: 30 days, then the event stays without it;
// - rate_limit_bucket: 1 hour (the windows are 1 minute).
// Run after each successful sign-in and by the rate limiter's occasional sweep.
import "server-only";
import type { Db } from "@/lib/db/create-client";

export const SIGN_IN_ADDRESS_DAYS = 30;
export const RATE_LIMIT_ADDRESS_SECONDS = 60 * 60;

export async function purgeExpiredAddresses(opts: { db: Db; now?: Date }) {
  const now = (opts.now ?? new Date()).getTime();
  const signInCutoff = new Date(now - SIGN_IN_ADDRESS_DAYS * 86_400_000);
  const [attempts, buckets, auditEvents] = await Promise.all([
    opts.db.signInAttempt.deleteMany({ where: { createdAt: { lt: signInCutoff } } }),
    opts.db.rateLimitBucket.deleteMany({
      where: { windowStart: { lt: new Date(now - RATE_LIMIT_ADDRESS_SECONDS * 1000) } },
    }),
    opts.db.$executeRaw`
      UPDATE audit_event SET data = data - 'ip'
      WHERE action = 'user.signed_in' AND created_at < ${signInCutoff} AND data ? 'ip'`,
  ]);
  return { attempts: attempts.count, buckets: buckets.count, auditEvents };
}
