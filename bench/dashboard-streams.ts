// Live dashboards for many viewers (issue 15): VIEWERS open results streams (members', default
// view) while 50 clients submit for BENCH_SECONDS, run twice on one server: with 10 viewers, then
// with 1,000. Reports per run the database's transactions per second (pg_stat_database: reads,
// folds and submissions; independent of the number of viewers when the server computes once per
// view), the update latency (from a submission's 201 to the first event on each stream whose
// figures count it: p50, p95, max over all streams), events per stream per second, and the app
// server's resident memory. Localhost only, bounded.
//   NEXT_DIST_DIR=.next-bench DATABASE_URL=postgresql://…/postgres npm run bench:streams
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDbClient } from "../lib/db/create-client";
import { JILIN_ANSWERS } from "../tests/fixtures/respondent-surveys";
import { openResultsStream } from "./results-stream";
import { memberToken, percentile, rssMb, startBenchServer } from "./submit-server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SUBMITTERS = 50;
const RUNS = (process.env.BENCH_VIEWERS ?? "10,1000").split(",").map(Number);

async function run(server: { url: string; pid: number; databaseUrl: string }, token: string, viewers: number) {
  const stats = new pg.Client({ connectionString: server.databaseUrl });
  await stats.connect();
  const xacts = async () =>
    Number(
      (
        await stats.query(
          `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
        )
      ).rows[0].n,
    );
  const delivered0 = Number(
    (
      await stats.query(
        `SELECT count(*) AS n FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = 'jilin-try' AND r.status = 'complete'`,
      )
    ).rows[0].n,
  );
  const rssBefore = rssMb(server.pid);
  const streams: ReturnType<typeof openResultsStream>[] = [];
  for (let i = 0; i < viewers; i += 50) {
    const batch = Array.from({ length: Math.min(50, viewers - i) }, () => openResultsStream(server.url, token));
    await Promise.all(batch.map((s) => s.ready));
    streams.push(...batch);
  }
  let rssPeak = rssMb(server.pid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(server.pid))), 500);
  await new Promise((r) => setTimeout(r, 1000));
  const x0 = await xacts();
  const accepted: number[] = [];
  let failed = 0;
  const started = performance.now();
  const stopAt = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async (_, c) => {
      while (performance.now() < stopAt) {
        const res = await fetch(`${server.url}/api/v1/surveys/jilin-try/responses`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.21.0.${c}` },
          body: JSON.stringify({ submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS }),
        }).catch(() => null);
        await res?.text();
        if (res?.status === 201) accepted.push(performance.now());
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const x1 = await xacts();
  // Let the last fold and tick reach every stream.
  await new Promise((r) => setTimeout(r, 3000));
  clearInterval(sampler);
  const latencies: number[] = [];
  let missed = 0;
  for (const stream of streams)
    for (let k = 1; k <= accepted.length; k += Math.max(1, Math.floor(accepted.length / 200))) {
      const seen = stream.events.find((e) => (e.delivered ?? 0) >= delivered0 + k && e.at >= accepted[k - 1] - 5);
      if (seen) latencies.push(seen.at - accepted[k - 1]);
      else missed++;
    }
  const events = streams.reduce((n, s) => n + s.events.length, 0);
  for (const s of streams) s.close();
  await stats.end();
  console.log(
    `${String(viewers).padStart(5)} viewers: ${(accepted.length / seconds).toFixed(0)} submissions/s (${failed} failed); ` +
      `database ${((x1 - x0) / seconds).toFixed(0)} transactions/s; ` +
      `update latency p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, ` +
      `max ${Math.round(latencies.reduce((m, x) => Math.max(m, x), 0))} ms (${missed} not seen); ` +
      `${(events / streams.length / seconds).toFixed(1)} events per stream per s; ` +
      `app RSS ${rssBefore} → ${rssPeak} MB`,
  );
}

async function main() {
  const server = await startBenchServer({
    port: Number(process.env.BENCH_PORT ?? 3491),
    env: { RESPONSES_RATE_LIMIT_PER_MINUTE: "100000", DATABASE_POOL_SIZE: "20" },
  });
  const db = createDbClient(server.databaseUrl, 2);
  try {
    const token = await memberToken(db);
    for (const viewers of RUNS) await run(server, token, viewers);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
