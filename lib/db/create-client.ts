// Constructs a Prisma client on the pg driver adapter. The app uses the singleton in client.ts;
// scripts (seed, benchmarks) and integration tests call this with their own database URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export function createDbClient(url: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }) });
}

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
