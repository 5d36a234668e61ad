// Sustained submission throughput, side by side in one run (issue 15). 50 concurrent clients
// (BENCH_CLIENTS) for BENCH_SECONDS each, Jilin responses of about 15 answer rows:
// HTTP first, on the small demo database (5 and 4 taking turns for BENCH_ROUNDS rounds, medians
// compared), then straight into PostgreSQL (1 to 3):
//   1. pgbench inserting a response and its answer rows in one statement, analytics triggers
//      disabled: the physical limit of this PostgreSQL;
//   2. the same insert with the triggers (which now only note the change for the aggregator);
//   3. pgbench running the app's whole statement sequence for a new complete submission: one
//      statement (rate limit, settings check of the server's copy of the survey, idempotency
//      lookup, firm lock, duplicate check, insert; ADR 028);
//   4. a minimal node:http + pg server (bench/reference-server.ts) validating with the same zod
//      schemas and inserting the same rows;
//   5. the app over HTTP (scripts/serve.ts, as `npm start` runs it), on the same work;
//   6. the app again, every client sending a fifth of its submissions twice (as after a lost reply).
// The app server's results aggregator folds everything meanwhile; at the end the cells must count
// every valid response exactly once.
//   NEXT_DIST_DIR=.next-bench npx next build && DATABASE_URL=postgresql://… NEXT_DIST_DIR=.next-bench npm run bench:submit
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbClient } from "../lib/db/create-client";
import { TRY_SURVEY_SLUG } from "../lib/demo/demo-surveys";
import { QuestionnaireDefinitionSchema } from "../lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "../lib/questionnaire/templates/jilin-small-micro";
import { breakdownsOf, toAnswerRows } from "../lib/responses/answer-rows";
import { percentile, startBenchServer } from "./submit-server";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
// Both servers answer this long before their figures count: the JIT has then compiled the hot path.
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
/** Turns of the app and the reference over HTTP (BENCH_ROUNDS); the medians are compared. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FIRST_WARMUP_SECONDS = Number(process.env.BENCH_FIRST_WARMUP_SECONDS ?? 15);
/** The open demo survey the benchmark answers. */
const SLUG = process.env.BENCH_SLUG ?? TRY_SURVEY_SLUG;
const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const options = (code: string) =>
  (
    jilin.sections.flatMap((s) => s.questions).find((q) => q.code === code) as {
      options: { code: string; exclusive?: boolean }[];
    }
  ).options;
const some = (code: string) =>
  options(code)
    .filter((o) => !o.exclusive && Math.random() < 0.5)
    .map((o) => o.code);

function randomAnswers() {
  const level = (code: string) => {
    const chosen = some(code);
    return chosen.length ? chosen : ["none"];
  };
  return {
    region: pick(options("region")).code,
    industry: pick(options("industry")).code,
    employees: 1 + Math.floor(Math.random() * 99),
    lifecycle_stage: pick(options("lifecycle_stage")).code,
    firm_id: `91220101MA${randomUUID().slice(0, 8).toUpperCase()}`,
    macro_constraints: level("macro_constraints"),
    middle_constraints: level("middle_constraints"),
    micro_constraints: level("micro_constraints"),
  };
}

type Load = Awaited<ReturnType<typeof loadTest>>;

/** The run of median throughput. */
const medianRun = (runs: Load[]) => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)];

async function loadTest(url: string, resendShare = 0, seconds = SECONDS) {
  const started = Date.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + seconds * 1000;
  const statuses = new Map<string, number>();
  const latencies: number[] = [];
  const client = async (i: number) => {
    while (Date.now() < stopAt) {
      const body = JSON.stringify({
        submissionId: randomUUID(),
        locale: "zh",
        answers: randomAnswers(),
        startedAt: new Date(Date.now() - 600_000).toISOString(),
      });
      const sends = Math.random() < resendShare ? 2 : 1;
      for (let send = 0; send < sends; send++) {
        const t0 = Date.now();
        let status: string;
        try {
          const res = await fetch(`${url}/api/v1/surveys/${SLUG}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `198.18.${i >> 8}.${i & 255}` },
            body,
          });
          await res.arrayBuffer();
          status = send === 0 ? String(res.status) : `resent → ${res.status}`;
        } catch (e) {
          status = `network error (${(e as Error).message})`;
        }
        if (t0 >= measureFrom && Date.now() <= stopAt) {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (send === 0) latencies.push(Date.now() - t0);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const ok = statuses.get("201") ?? 0;
  return {
    perSecond: ok / seconds,
    statuses: Object.fromEntries(statuses),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

type Ids = { surveyId: string; versionId: string; collectorId: string; settingsRevision: number };
const lit = (v: unknown) =>
  v === null
    ? "NULL"
    : typeof v === "number" || typeof v === "boolean"
      ? String(v)
      : `'${String(v).replace(/'/g, "''")}'`;

/** The rows one submission writes, as a single INSERT … RETURNING feeding the answer rows. */
function insertStatement(ids: Ids) {
  const answers = randomAnswers();
  const rows = toAnswerRows(jilin, answers);
  const values = rows
    .map((r) => `(${[r.questionCode, r.optionCode, r.numberValue, r.textValue, r.rank].map(lit).join(", ")})`)
    .join(",\n    ");
  return `WITH r AS (
  INSERT INTO response (id, survey_id, version_id, collector_id, submission_id, status, locale, answers, breakdowns, content_hash, firm_identifier, started_at, completed_at, duration_seconds)
  VALUES (gen_random_uuid(), '${ids.surveyId}', '${ids.versionId}', '${ids.collectorId}', gen_random_uuid(), 'complete', 'zh',
    ${lit(JSON.stringify(answers))}::jsonb, ${lit(JSON.stringify(breakdownsOf(jilin, answers)))}::jsonb, md5(:r::text), 'F' || :r, now() - interval '10 minutes', now(), 600)
  RETURNING id)
INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
SELECT r.id, '${ids.surveyId}', v.question_code, v.option_code, v.number_value::float8, v.text_value, v.rank::int FROM r, (VALUES
    ${values}) AS v(question_code, option_code, number_value, text_value, rank);`;
}

const rawScript = (ids: Ids) => `\\set r random(1, 2000000000)\n${insertStatement(ids)}\n`;

/** The one statement that stores a new complete submission (prisma/sql/responses/01-store-response.sql). */
function storeStatement(ids: Ids) {
  const answers = randomAnswers();
  const json = (v: unknown) => `${lit(JSON.stringify(v))}::jsonb`;
  return `SELECT response_store_new_complete(gen_random_uuid(), '${ids.surveyId}', '${ids.versionId}', '${ids.collectorId}',
  gen_random_uuid(), 'zh', ${json(answers)}, ${json(breakdownsOf(jilin, answers))}, md5(:r::text), 'F' || :r,
  (now() - interval '10 minutes')::timestamp, now()::timestamp, 600, ${json(toAnswerRows(jilin, answers))}, NULL, NULL, 'duplicate_firm', 'Firm F' || :r || ' had already answered this survey.',
  ${ids.settingsRevision}, 'responses:bench' || :client_id, date_trunc('minute', now())::timestamp, 100000);`;
}

/**
 * What the app runs for a new complete submission (lib/responses/submit-response.ts): the one
 * statement that counts the request against the client's limit and stores it.
 */
const sequenceScript = (ids: Ids) => `\\set r random(1, 2000000000)\n${storeStatement(ids)}\n`;

/** pgbench with CLIENTS clients for SECONDS: transactions per second and the p95 latency from its per-transaction log. */
function pgbench(databaseUrl: string, script: string): { perSecond: number; p95: number; failed: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "sme-pgbench-"));
  const file = path.join(dir, "script.sql");
  writeFileSync(file, script);
  try {
    const out = execFileSync(
      "pgbench",
      [
        "-n",
        "-c",
        String(CLIENTS),
        "-j",
        "2",
        "-T",
        String(SECONDS),
        "-f",
        file,
        "-l",
        `--log-prefix=${dir}/log`,
        databaseUrl,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024, cwd: dir },
    );
    const tps = out.match(/tps = ([\d.]+)/);
    if (!tps) throw new Error(`Unexpected pgbench output:\n${out}`);
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith("log"))
      .flatMap((f) =>
        readFileSync(path.join(dir, f), "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => Number(line.split(" ")[2]) / 1000),
      );
    return {
      perSecond: Number(tps[1]),
      p95: Math.round(percentile(latencies, 95)),
      failed: Number(out.match(/number of failed transactions: (\d+)/)?.[1] ?? "0"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The reference server (bench/reference-server.ts) in a process of its own, as the app has. */
async function startReferenceServer(databaseUrl: string, port: number) {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "bench/reference-server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" },
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`reference server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

const row = (name: string, r: { perSecond: number; p95: number }, extra = "") =>
  console.log(
    `${name.padEnd(58)} ${r.perSecond.toFixed(0).padStart(6)} /s   p95 ${String(r.p95).padStart(5)} ms  ${extra}`,
  );

async function main() {
  const server = await startBenchServer({
    port: Number(process.env.BENCH_PORT ?? 3191),
    // Every simulated client is a firm of its own address; the limit per address is not measured here.
    env: { RESPONSES_RATE_LIMIT_PER_MINUTE: "100000", DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20" },
  });
  const db = createDbClient(server.databaseUrl, 2);
  try {
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: SLUG }, include: { collectors: true } });
    const ids = {
      surveyId: survey.id,
      versionId: survey.versionId,
      collectorId: survey.collectors.find((c) => c.kind === "link")!.id,
      settingsRevision: survey.settingsRevision,
    };
    console.log(`${CLIENTS} clients, ${SECONDS} s each, one after another on one database\n`);

    // Over HTTP first, on the small demo database, then straight into PostgreSQL. The app and the
    // reference take turns on the same work, new submissions (app first, then reference first,
    // …): on a shared machine, whose speed drifts by half from minute to minute, one run of each
    // compares two moments, not two servers. Then the app alone with a fifth of the submissions
    // sent twice (the reference keeps no submission ids): no error, none lost or stored twice.
    const reference = await startReferenceServer(server.databaseUrl, Number(process.env.BENCH_REFERENCE_PORT ?? 3291));
    // Servers run for weeks: both are first warmed up (the JIT compiles their hot paths; the app's
    // is the larger), unmeasured. A cold app server's first 20 s are about half as fast.
    await loadTest(server.url, 0.2, FIRST_WARMUP_SECONDS);
    await loadTest(reference.url, 0, FIRST_WARMUP_SECONDS);
    const apps: Load[] = [];
    const minimals: Load[] = [];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const runApp = async () => {
          const r = await loadTest(server.url);
          row(`5. the app over HTTP (round ${round})`, r, JSON.stringify(r.statuses));
          apps.push(r);
        };
        const runReference = async () => {
          const r = await loadTest(reference.url);
          row(`4. node:http + pg, same zod schemas and rows (round ${round})`, r, JSON.stringify(r.statuses));
          minimals.push(r);
        };
        if (round % 2) await runApp().then(runReference);
        else await runReference().then(runApp);
      }
    } finally {
      await reference.stop();
    }
    const resent = await loadTest(server.url, 0.2);
    row("6. the app over HTTP, a fifth of submissions sent twice", resent, JSON.stringify(resent.statuses));
    const app = medianRun(apps);
    const minimal = medianRun(minimals);
    const roundRatios = apps.map((r, i) => r.perSecond / minimals[i].perSecond).sort((a, b) => a - b);
    const worstP95 = Math.max(resent.p95, ...apps.map((r) => r.p95));
    const triggers = ["analytics_response_changed", "analytics_answers_inserted"];
    await db.$executeRawUnsafe(`ALTER TABLE response DISABLE TRIGGER analytics_response_changed`);
    await db.$executeRawUnsafe(`ALTER TABLE answer DISABLE TRIGGER analytics_answers_inserted`);
    const rawBare = pgbench(server.databaseUrl, rawScript(ids));
    await db.$executeRawUnsafe(`ALTER TABLE response ENABLE TRIGGER ${triggers[0]}`);
    await db.$executeRawUnsafe(`ALTER TABLE answer ENABLE TRIGGER ${triggers[1]}`);
    // The rows inserted without triggers are counted from scratch once, as a bulk load would be.
    await db.$queryRaw`SELECT analytics_rebuild(${survey.id}::uuid)`;
    row("1. raw insert, analytics triggers disabled (pgbench)", rawBare, `failed ${rawBare.failed}`);
    const raw = pgbench(server.databaseUrl, rawScript(ids));
    row("2. raw insert, triggers noting changes (pgbench)", raw, `failed ${raw.failed}`);
    const sequence = pgbench(server.databaseUrl, sequenceScript(ids));
    row("3. the app's statement sequence (pgbench)", sequence, `failed ${sequence.failed}`);

    // Exactness: once folded, the cells count every valid response once; no submission is stored twice.
    const started = Date.now();
    await db.$queryRaw`SELECT analytics_fold(NULL, 2147483647, true)`;
    const [check] = await db.$queryRaw<{ valid: number; counted: number; doubled: number; pending: number }[]>`
      SELECT (SELECT count(*)::int FROM response WHERE survey_id = ${survey.id}::uuid AND valid) AS valid,
             (SELECT sum(responses)::int FROM result_cell WHERE survey_id = ${survey.id}::uuid AND scope = 'all'
                AND metric = 'valid' AND cell_key < '{') AS counted,
             (SELECT count(*)::int FROM (SELECT 1 FROM response GROUP BY survey_id, submission_id HAVING count(*) > 1) d) AS doubled,
             (SELECT count(*)::int FROM result_change) AS pending`;
    console.log(
      `\nafter the run: ${check.valid} valid responses, ${check.counted} counted in the cells, ` +
        `${check.doubled} stored twice, remainder folded in ${Date.now() - started} ms, ${check.pending} left`,
    );
    const appErrors = [...apps, resent]
      .flatMap((r) => Object.entries(r.statuses))
      .filter(([s]) => s !== "201" && s !== "resent → 200")
      .reduce((n, [, c]) => n + c, 0);
    const ratios = {
      sequence: sequence.perSecond / rawBare.perSecond,
      http: roundRatios[Math.floor(roundRatios.length / 2)],
    };
    console.log(
      `statement sequence / raw insert = ${ratios.sequence.toFixed(2)} (goal ≥ 0.50); ` +
        `app / node:http = ${ratios.http.toFixed(2)} (median of the rounds' ratios ${roundRatios.map((r) => r.toFixed(2)).join(", ")}; ` +
        `median rates ${app.perSecond.toFixed(0)} / ${minimal.perSecond.toFixed(0)}; goal ≥ 0.70); ` +
        `app errors ${appErrors}; app p95 ${worstP95} ms in its slowest run (goal < 300)`,
    );
    process.exitCode =
      ratios.sequence >= 0.5 &&
      ratios.http >= 0.7 &&
      appErrors === 0 &&
      worstP95 < 300 &&
      check.valid === check.counted &&
      !check.doubled
        ? 0
        : 1;
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
