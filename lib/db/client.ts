// The app's Prisma clients, one per process, kept across hot reloads: the primary, and a streaming
// replica for results reads when DATABASE_REPLICA_URL is set (docs/decisions/027-scale-out.md).
import "server-only";
import { createDbClient, type Db } from "./create-client";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: Db; prismaReplica?: Db | null };

// Requests fail fast (503) when the database is stalled instead of waiting on it.
const clientFor = (url: string) =>
  createDbClient(url, env().DATABASE_POOL_SIZE, {
    connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS,
  });

export const db: Db = globalForPrisma.prisma ?? clientFor(env().DATABASE_URL);
const replica: Db | null =
  globalForPrisma.prismaReplica !== undefined
    ? globalForPrisma.prismaReplica
    : env().DATABASE_REPLICA_URL
      ? clientFor(env().DATABASE_REPLICA_URL!)
      : null;
if (process.env.NODE_ENV !== "production") {
  globalForPrisma.prisma = db;
  globalForPrisma.prismaReplica = replica;
}

const LAG_CHECK_MS = 1000;
let lagCheck: { at: number; fresh: Promise<boolean> } | undefined;

/**
 * Whether the replica is within DATABASE_REPLICA_MAX_LAG_MS of the primary, looked at most once a
 * second per process: caught up when it has replayed the primary's current WAL position, else as
 * old as its last replayed transaction. Unreachable counts as behind.
 */
async function replicaKeepsUp(replicaDb: Db): Promise<boolean> {
  const [{ lsn }] = await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  const [{ lag }] = await replicaDb.$queryRaw<{ lag: number }[]>`
    SELECT CASE WHEN pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn THEN 0
                ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 1e12)
           END::float8 AS lag`;
  return lag <= env().DATABASE_REPLICA_MAX_LAG_MS;
}

/** Where results are read from: the replica while it keeps up, otherwise the primary. */
export async function resultsDb(): Promise<{ db: Db; replica: boolean }> {
  if (!replica) return { db, replica: false };
  const now = Date.now();
  if (!lagCheck || now - lagCheck.at > LAG_CHECK_MS)
    lagCheck = { at: now, fresh: replicaKeepsUp(replica).catch(() => false) };
  return (await lagCheck.fresh) ? { db: replica, replica: true } : { db, replica: false };
}
