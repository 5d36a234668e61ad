// Fixed-window request limits counted in PostgreSQL (RateLimitBucket, prisma/sql/http/
// 01-rate-limit.sql), so that every app server behind a load balancer shares the same counts.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { purgeExpiredAddresses } from "@/lib/privacy/purge-addresses";

/** At most `limit` requests per `key` (a client address) in each window of `windowSeconds` (60). */
export type RateLimit = { key: string; limit: number; windowSeconds?: number };
type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/** The window `now` falls in, and how long until the next one starts. */
export function rateLimitWindow(rateLimit: RateLimit, now: Date) {
  const windowMs = (rateLimit.windowSeconds ?? 60) * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return {
    windowStart,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}

/**
 * Old windows hold client addresses no limit needs any more; about one counted request in a
 * thousand sweeps them (lib/privacy/purge-addresses.ts; sign-ins sweep too).
 */
export async function sweepExpiredAddressesSometimes(db: Db, now: Date) {
  if (Math.random() < 0.001) await purgeExpiredAddresses({ db, now });
}

/** Counts one request for `key` in the current window; `allowed` is false beyond `limit`. */
export async function hitRateLimit(opts: RateLimit & { db: Db; now?: Date }): Promise<RateLimitResult> {
  const now = opts.now ?? new Date();
  const { windowStart, retryAfterSeconds } = rateLimitWindow(opts, now);
  const [{ count }] = await opts.db.$queryRaw<{ count: number }[]>`
    SELECT rate_limit_hit(${opts.key}, ${windowStart}::timestamp) AS count`;
  await sweepExpiredAddressesSometimes(opts.db, now);
  return { allowed: count <= opts.limit, count, limit: opts.limit, retryAfterSeconds };
}
