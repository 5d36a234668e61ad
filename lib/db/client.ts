// The app's one Prisma client per process, kept across hot reloads.
import "server-only";
import { createDbClient, type Db } from "./create-client";
import { env } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: Db };

export const db: Db = globalForPrisma.prisma ?? createDbClient(env().DATABASE_URL, env().DATABASE_POOL_SIZE);
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
