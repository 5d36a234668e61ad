// Constructs a Prisma client on the pg driver adapter. The app uses the singleton in client.ts;
// scripts (seed, benchmarks) and integration tests call this with their own database URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type DbTimeouts = {
  /** Give up opening a connection after this long (a stopped or unreachable server). */
  connectTimeoutMs: number;
  /** The server cancels a statement after this long; the client gives up a second later. */
  statementTimeoutMs: number;
};

export function createDbClient(url: string, poolSize = 10, timeouts?: DbTimeouts): PrismaClient {
  const limits = timeouts && {
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    // A server that stopped answering mid-query never cancels anything itself.
    query_timeout: timeouts.statementTimeoutMs + 1000,
  };
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize, ...limits }) });
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
