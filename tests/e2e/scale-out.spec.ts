// Scale-out on PostgreSQL (issue 15, docs/decisions/027-scale-out.md): two app servers behind one
// address, PgBouncer in transaction mode in front of the primary for their request pools (the
// LISTEN connection goes direct), and a streaming replica that results are read from while it
// keeps up. Submissions land through either server, reads fall back to the primary when the
// replica lags beyond the bound, and live updates reach dashboards on both servers.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";

import pg from "pg";
import { expect, test } from "@playwright/test";
import { newApiToken } from "@/lib/auth/api-token";
import { seedDemo } from "@/prisma/seed";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { serveCommand, serveEnv } from "@/scripts/lib/serve-command";
import { startClusters, type Clusters } from "@/tests/fixtures/local-clusters";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

const PORTS = { primary: 55432, replica: 55433, bouncer: 56432 };
const APPS = [3221, 3222];
const PROXY = 3220;
const DB = "scale";

let clusters: Clusters;
let servers: ChildProcess[] = [];
let proxy: http.Server;
const served = new Map<number, number>();
let token: string;
let primary: pg.Client;
let replica: pg.Client;

/** A round-robin reverse proxy, streaming both ways (server-sent events included). */
function startProxy(): Promise<http.Server> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = APPS[next++ % APPS.length];
    served.set(port, (served.get(port) ?? 0) + 1);
    const upstream = http.request(
      { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((r) => server.listen(PROXY, "127.0.0.1", () => r(server)));
}

async function waitForHealth(port: number, child: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the app server on ${port} exited with ${child.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app server on ${port} did not answer`);
}

const submit = () =>
  fetch(`http://127.0.0.1:${PROXY}/api/v1/surveys/jilin-try/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS }),
  }).then((r) => r.status);

/** Delivered responses as one app server's results API reads them. */
const delivered = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/surveys/jilin-try/results/composition`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { totals: { delivered: number } }).totals.delivered;
};

const storedComplete = async () =>
  Number(
    (
      await primary.query(
        `SELECT count(*) AS n FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = 'jilin-try' AND r.status = 'complete'`,
      )
    ).rows[0].n,
  );

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  clusters = await startClusters(PORTS);
  const admin = new pg.Client({ connectionString: clusters.primaryUrl("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  await migrateDatabase(clusters.primaryUrl(DB));
  await seedDemo(clusters.primaryUrl(DB));
  primary = new pg.Client({ connectionString: clusters.primaryUrl(DB) });
  await primary.connect();
  const owner = (await primary.query(`SELECT user_id, organization_id FROM membership WHERE role = 'owner' LIMIT 1`))
    .rows[0];
  const made = newApiToken();
  token = made.token;
  await primary.query(
    `INSERT INTO api_token (id, user_id, organization_id, name, token_hash) VALUES (gen_random_uuid(), $1, $2, 'scale-out', $3)`,
    [owner.user_id, owner.organization_id, made.tokenHash],
  );
  // The replica waits until it has the migrated database.
  await expect
    .poll(
      async () => {
        const c = new pg.Client({ connectionString: clusters.replicaUrl(DB) });
        return c.connect().then(
          () => c.end().then(() => true),
          () => false,
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  replica = new pg.Client({ connectionString: clusters.replicaUrl(DB) });
  await replica.connect();

  // Server A tolerates any lag (it reads the replica even when behind), server B one second.
  servers = APPS.map((port, i) => {
    const child = spawn(serveCommand[0], serveCommand[1], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        ...serveEnv(port),
        DATABASE_URL: clusters.bouncerUrl(DB),
        DATABASE_DIRECT_URL: clusters.primaryUrl(DB),
        DATABASE_REPLICA_URL: clusters.replicaUrl(DB),
        DATABASE_REPLICA_MAX_LAG_MS: i === 0 ? "600000" : "1000",
        JOB_WORKER: "off",
        NODE_ENV: "production",
        NEXTAUTH_SECRET: "scale-out-secret-not-for-production-0123",
      },
    });
    return child;
  });
  await Promise.all(servers.map((child, i) => waitForHealth(APPS[i], child)));
  proxy = await startProxy();
});

test.afterAll(async () => {
  proxy?.close();
  for (const child of servers) child.kill("SIGTERM");
  await Promise.all(
    servers.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)))),
  );
  await primary?.end();
  await replica?.end();
  clusters?.stop();
});

test("submissions through either server behind one address are all stored, through PgBouncer", async () => {
  const before = await storedComplete();
  const statuses = await Promise.all(Array.from({ length: 20 }, submit));
  expect(statuses).toEqual(Array(20).fill(201));
  expect(await storedComplete()).toBe(before + 20);
  expect(served.get(APPS[0])).toBeGreaterThan(0);
  expect(served.get(APPS[1])).toBeGreaterThan(0);
  // The request pools went through PgBouncer: its console counts their transactions.
  const console = new pg.Client({ connectionString: clusters.bouncerUrl("pgbouncer") });
  await console.connect();
  const stats = (await console.query("SHOW STATS")).rows.find((r) => r.database === DB);
  await console.end();
  expect(Number(stats?.total_xact_count)).toBeGreaterThan(20);
});

test("results come from the replica while it keeps up, and from the primary once it lags beyond the bound", async () => {
  const now = await storedComplete();
  // Both servers agree with the primary once the replica has replayed the last fold.
  await expect.poll(() => delivered(APPS[0]), { timeout: 30_000 }).toBe(now);
  await expect.poll(() => delivered(APPS[1]), { timeout: 30_000 }).toBe(now);

  await replica.query(`SELECT pg_wal_replay_pause()`);
  try {
    for (let i = 0; i < 5; i++) expect(await submit()).toBe(201);
    // Past server B's one-second bound: it reads the primary and counts the new responses.
    await new Promise((r) => setTimeout(r, 2500));
    await expect.poll(() => delivered(APPS[1]), { timeout: 15_000 }).toBe(now + 5);
    // Server A still reads the paused replica: the figures it shows are the replica's.
    expect(await delivered(APPS[0])).toBe(now);
  } finally {
    await replica.query(`SELECT pg_wal_replay_resume()`);
  }
  await expect.poll(() => delivered(APPS[0]), { timeout: 30_000 }).toBe(now + 5);
});

test("a response submitted through the shared address reaches open dashboards on both servers", async () => {
  const heard = APPS.map(() => [] as number[]);
  const controllers = APPS.map(() => new AbortController());
  await Promise.all(
    APPS.map(async (port, i) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/surveys/jilin-try/results/stream`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controllers[i].signal,
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let ready: () => void = () => {};
      const opened = new Promise<void>((r) => (ready = r));
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            if (value.includes("event: ready")) ready();
            for (const m of value.matchAll(/"delivered":(\d+)/g)) heard[i].push(Number(m[1]));
          }
        } catch {
          // closed at the end
        }
      })();
      await opened;
    }),
  );
  try {
    const before = await storedComplete();
    expect(await submit()).toBe(201);
    for (const i of APPS.keys())
      await expect.poll(() => Math.max(0, ...heard[i]), { timeout: 15_000 }).toBe(before + 1);
  } finally {
    for (const c of controllers) c.abort();
  }
});
