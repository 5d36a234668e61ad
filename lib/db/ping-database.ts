// Readiness probe for /api/health: how long the database takes to answer a trivial query.
import "server-only";
import { db } from "./client";

/** Milliseconds the round trip took; throws when the database does not answer. */
export async function pingDatabase(): Promise<number> {
  const started = performance.now();
  await db.$queryRaw`SELECT 1`;
  return Math.round(performance.now() - started);
}
