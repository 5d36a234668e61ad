// Shared set-up of the submission benchmarks: a fresh database with the demo data on the
// PostgreSQL named by DATABASE_URL, and the app server (scripts/serve.ts) of an existing production build on it.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { newApiToken } from "../lib/auth/api-token";
import type { Db } from "../lib/db/create-client";
import { adminQuery, withDatabase } from "../lib/db/schema-engine";
import { migrateDatabase } from "../scripts/lib/migrate";
import { seedDemo } from "../prisma/seed";
import { serveCommand, serveEnv } from "../scripts/lib/serve-command";

export type BenchServer = { url: string; databaseUrl: string; pid: number; stop: () => Promise<void> };

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/**
 * `appDatabaseUrl` (optional) maps the database URL to what the app connects to, e.g. a fault-injecting proxy in front of
 * the benchmark database; the database itself is still created, seeded and dropped here.
 */
export async function startBenchServer(opts: {
  port: number;
  env?: Record<string, string>;
  appDatabaseUrl?: (databaseUrl: string) => string;
}): Promise<BenchServer> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("Set DATABASE_URL to a PostgreSQL server (a database is created there and dropped afterwards).");
  const name = `sme_bench_${Date.now().toString(36)}`;
  const databaseUrl = withDatabase(serverUrl, name);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  await migrateDatabase(databaseUrl);
  await seedDemo(databaseUrl);
  const [command, args] = serveCommand;
  const child = spawn(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      // As `npm start` runs it; the clients send X-Forwarded-For as one trusted proxy would, so
      // that each simulated client has its own address.
      ...serveEnv(opts.port),
      DATABASE_URL: opts.appDatabaseUrl?.(databaseUrl) ?? databaseUrl,
      TRUST_PROXY_HOPS: "1",
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123",
      ...opts.env,
    },
  });
  const url = `http://127.0.0.1:${opts.port}`;
  await waitFor(`${url}/api/health`, child);
  return {
    url,
    databaseUrl,
    pid: child.pid!,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** An API token of the demo organization's owner: results streams opened with it are members' (live) streams. */
export async function memberToken(db: Db): Promise<string> {
  const owner = await db.membership.findFirstOrThrow({ where: { role: "owner" } });
  const { token, tokenHash } = newApiToken();
  await db.apiToken.create({
    data: { userId: owner.userId, organizationId: owner.organizationId, name: "benchmark", tokenHash },
  });
  return token;
}

/** A process's resident memory in MB (Linux). */
export const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024);

/** The p-th percentile of latencies (sorts them in place). */
export const percentile = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
