// Sustained submission throughput: 50 concurrent clients POST complete Jilin responses to
// `next start`, each from its own address (as distinct firms would), for BENCH_SECONDS; then
// pgbench inserts the same rows (a response and its answer rows, one statement) straight into
// the same PostgreSQL with 50 clients, for the raw rate to compare with.
//   NEXT_DIST_DIR=.next-bench npx next build && DATABASE_URL=postgresql://… NEXT_DIST_DIR=.next-bench npm run bench:submit
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDbClient } from "../lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "../lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "../lib/questionnaire/templates/jilin-small-micro";
import { breakdownsOf, toAnswerRows } from "../lib/responses/answer-rows";
import { startBenchServer } from "./submit-server";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
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

const percentile = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function loadTest(url: string) {
  const started = Date.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + SECONDS * 1000;
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
      const t0 = Date.now();
      let status: string;
      try {
        const res = await fetch(`${url}/api/v1/surveys/jilin-2017/responses`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `198.18.${i >> 8}.${i & 255}` },
          body,
        });
        await res.arrayBuffer();
        status = String(res.status);
      } catch (e) {
        status = `network error (${(e as Error).message})`;
      }
      if (t0 >= measureFrom && Date.now() <= stopAt) {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        latencies.push(Date.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
  const ok = statuses.get("201") ?? 0;
  return {
    perSecond: ok / SECONDS,
    statuses: Object.fromEntries(statuses),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** The rows one submission writes, as a single INSERT … RETURNING feeding the answer rows. */
function pgbenchScript(ids: { surveyId: string; versionId: string; collectorId: string }) {
  const answers = randomAnswers();
  const rows = toAnswerRows(jilin, answers);
  const lit = (v: unknown) =>
    v === null
      ? "NULL"
      : typeof v === "number" || typeof v === "boolean"
        ? String(v)
        : `'${String(v).replace(/'/g, "''")}'`;
  const values = rows
    .map((r) => `(${[r.questionCode, r.optionCode, r.numberValue, r.textValue, r.rank].map(lit).join(", ")})`)
    .join(",\n    ");
  return `\\set r random(1, 2000000000)
WITH r AS (
  INSERT INTO response (id, survey_id, version_id, collector_id, submission_id, status, locale, answers, breakdowns, content_hash, firm_identifier, started_at, completed_at, duration_seconds)
  VALUES (gen_random_uuid(), '${ids.surveyId}', '${ids.versionId}', '${ids.collectorId}', gen_random_uuid(), 'complete', 'zh',
    ${lit(JSON.stringify(answers))}::jsonb, ${lit(JSON.stringify(breakdownsOf(jilin, answers)))}::jsonb, md5(:r::text), 'F' || :r, now() - interval '10 minutes', now(), 600)
  RETURNING id)
INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
SELECT r.id, '${ids.surveyId}', v.question_code, v.option_code, v.number_value::float8, v.text_value, v.rank::int FROM r, (VALUES
    ${values}) AS v(question_code, option_code, number_value, text_value, rank);
`;
}

function pgbench(databaseUrl: string, script: string): number {
  const file = path.join(tmpdir(), `sme-bench-${process.pid}.sql`);
  writeFileSync(file, script);
  const out = execFileSync(
    "pgbench",
    ["-n", "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), "-f", file, databaseUrl],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 },
  );
  const tps = out.match(/tps = ([\d.]+)/);
  if (!tps) throw new Error(`Unexpected pgbench output:\n${out}`);
  const failed = out.match(/number of failed transactions: (\d+)/)?.[1] ?? "0";
  console.log(`pgbench: ${out.match(/number of transactions actually processed: \d+/)?.[0]}, failed ${failed}`);
  return Number(tps[1]);
}

async function main() {
  const server = await startBenchServer({
    port: Number(process.env.BENCH_PORT ?? 3191),
    env: { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20" },
  });
  try {
    console.log(`${CLIENTS} clients, ${SECONDS} s (after ${WARMUP_SECONDS} s warm-up) against next start…`);
    const app = await loadTest(server.url);
    const db = createDbClient(server.databaseUrl, 1);
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: "jilin-2017" }, include: { collectors: true } });
    const stored = await db.response.count({
      where: { surveyId: survey.id, collectorId: survey.collectors.find((c) => c.kind === "link")!.id },
    });
    await db.$disconnect();
    console.log(
      `app: ${app.perSecond.toFixed(1)} responses/s; statuses ${JSON.stringify(app.statuses)}; latency p50 ${app.p50} ms, p95 ${app.p95} ms, p99 ${app.p99} ms; ${stored} responses stored in all`,
    );
    const raw = pgbench(
      server.databaseUrl,
      pgbenchScript({ surveyId: survey.id, versionId: survey.versionId, collectorId: survey.collectors[0].id }),
    );
    console.log(`pgbench raw insert: ${raw.toFixed(1)} responses/s`);
    const errors = Object.entries(app.statuses)
      .filter(([s]) => s !== "201")
      .reduce((n, [, c]) => n + c, 0);
    console.log(`\nratio app / raw = ${(app.perSecond / raw).toFixed(2)} (goal ≥ 0.50), errors ${errors}`);
    process.exitCode = app.perSecond / raw >= 0.5 && errors === 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
