// The environment, validated once: a missing or malformed variable fails at boot, not mid-request.
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * The primary itself, when DATABASE_URL goes through a transaction-mode pooler (PgBouncer): the
   * live results listener (LISTEN) and the job queue need a session of their own.
   */
  DATABASE_DIRECT_URL: z.string().url("DATABASE_DIRECT_URL must be a postgresql:// URL").optional(),
  /** A streaming replica that dashboards and results requests read from while it keeps up. */
  DATABASE_REPLICA_URL: z.string().url("DATABASE_REPLICA_URL must be a postgresql:// URL").optional(),
  /** Reads go to the primary while the replica is more than this many milliseconds behind. */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(2000),
  /** Opening a database connection fails after this many milliseconds (then 503). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3000),
  /** A statement is cancelled after this many milliseconds (then 503). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must have at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Response submissions (and partial saves) accepted per client address per minute. */
  RESPONSES_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /**
   * Reverse proxies in front of the app whose X-Forwarded-For entries are trusted. 0: the
   * client is the socket's peer (the app faces the clients directly).
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Whether this app server also runs data jobs (exports, imports); off when `npm run worker` does. */
  JOB_WORKER: z.enum(["on", "off"]).default("on"),
  /** The Chromium that prints reports as PDF; default: Debian's /usr/bin/chromium (never a downloaded browser). */
  CHROMIUM_PATH: z.string().min(1).optional(),
  /** Reports printed to PDF at once by this server; further requests wait their turn. */
  REPORT_PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** A PDF not printed within this many milliseconds (waiting included) answers 503. */
  REPORT_PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});
export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
