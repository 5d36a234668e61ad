// Fixed-window request limits counted in PostgreSQL (RateLimitBucket), so that every app server
// behind a load balancer shares the same counts.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { purgeExpiredAddresses } from "@/lib/privacy/purge-addresses";

export type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/** Counts one request for `key` in the current window; `allowed` is false beyond `limit`. */
export async function hitRateLimit(opts: {
  db: Db;
  key: string;
  limit: number;
  windowSeconds?: number;
  now?: Date;
}): Promise<RateLimitResult> {
  const windowMs = (opts.windowSeconds ?? 60) * 1000;
  const now = (opts.now ?? new Date()).getTime();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [{ count }] = await opts.db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (${opts.key}, ${windowStart}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_bucket.count + 1
    RETURNING count`;
  // Old windows hold client addresses no limit needs any more; about one request in a thousand
  // sweeps them (lib/privacy/purge-addresses.ts; sign-ins sweep too).
  if (Math.random() < 0.001) await purgeExpiredAddresses({ db: opts.db, now: new Date(now) });
  return {
    allowed: count <= opts.limit,
    count,
    limit: opts.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000)),
  };
}
