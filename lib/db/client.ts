// The app's one Prisma client per process, kept across hot reloads.
import "server-only";
import { createDbClient, type Db } from "./create-client";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: Db };

// Requests fail fast (503) when the database is stalled instead of waiting on it.
export const db: Db =
  globalForPrisma.prisma ??
  createDbClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE, {
    connectTimeoutMs: env().DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env().DATABASE_STATEMENT_TIMEOUT_MS,
  });
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
