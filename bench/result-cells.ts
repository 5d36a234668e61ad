// The result cells' cost and speed (docs/decisions/009-compiled-metric-map.md), run on demand:
//   writes  pgbench inserts a complete Jilin response with its answer rows (one statement, as the
//           app does) against two fresh databases: the schema before the compiled metric map
//           (its triggers parse the definition JSON on every refresh) and the current one; and,
//           for the physical limit, the current one with the triggers disabled. Beside the
//           throughput, the database's own time per write (EXPLAIN ANALYZE of the same insert,
//           rolled back, the two schemas interleaved, median and 10th percentile of 50): it
//           moves less with other load on the machine than throughput does;
//   reads   sumScope (what the attention endpoint runs) at BENCH_RESPONSES valid responses:
//           unfiltered, a one-month range, two breakdown filters, and both (p50 / p95);
//   public  the same filters through getAttention as a member (exact) and as the public (cell key
//           perturbation, dates in whole months), beside the cells query as it was before the
//           key sums (docs/decisions/012-cell-key-perturbation.md), interleaved;
//   weighted getAttention with the survey's weights (raked to region and size class) and without,
//           unfiltered and with two filters, interleaved, and the time to compute the weights.
// Usage: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:cells -- [writes] [reads] [public] [weighted]
// The reads database (sme_bench_dashboard, shared with bench/dashboard.ts) is kept between runs.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { cellsCondition, sumScope } from "../lib/analytics/cell-queries";
import { findDashboardSurvey, type DashboardSurvey } from "../lib/analytics/find-dashboard-survey";
import { getAttention } from "../lib/analytics/results";
import { computeSurveyWeights } from "../lib/analytics/weighting/compute-survey-weights";
import type { ResultsFilter } from "../lib/analytics/dashboard-schema";
import { createDbClient } from "../lib/db/create-client";
import { adminQuery, applyMigrations, withDatabase } from "../lib/db/schema-engine";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "../lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "../lib/questionnaire/templates/jilin-small-micro";
import { breakdownsOf, toAnswerRows } from "../lib/responses/answer-rows";
import { migrateDatabase } from "../scripts/lib/migrate";
import { prepareBenchDatabase } from "./dashboard-load";

const SERVER = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const MAP_MIGRATION = "20261201100000_compiled_metric_map";
const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);

const answers = {
  region: "changchun",
  industry: "services",
  employees: 12,
  lifecycle_stage: "growth",
  firm_id: "91220101MA0X",
  macro_constraints: ["national_policy", "fiscal_tax_support"],
  middle_constraints: ["entrepreneur_training", "information_sharing", "financing_channels"],
  micro_constraints: ["innovation_culture", "marketing_mix", "internal_control"],
};

const lit = (v: unknown) =>
  v === null
    ? "NULL"
    : typeof v === "number" || typeof v === "boolean"
      ? String(v)
      : `'${String(v).replace(/'/g, "''")}'`;

/** The pgbench script: one response with its answer rows; `legacy` adds the former factor/concern columns. */
function insertScript(ids: { surveyId: string; versionId: string }, legacy: boolean) {
  const factorOf = (q: string, o: string | null) => {
    const question = jilin.sections.flatMap((s) => s.questions).find((x) => x.code === q);
    return question && "options" in question ? (question.options.find((x) => x.code === o)?.factor ?? null) : null;
  };
  const rows = toAnswerRows(jilin, answers).map((r) => {
    const base = [r.questionCode, r.optionCode, r.numberValue, r.textValue, r.rank];
    const factor = factorOf(r.questionCode, r.optionCode);
    return `(${(legacy ? [...base, factor, factor !== null] : base).map(lit).join(", ")})`;
  });
  const extra = legacy ? ", factor_code, concern" : "";
  return `\\set r random(1, 2000000000)
WITH r AS (
  INSERT INTO response (id, survey_id, version_id, submission_id, status, locale, answers, breakdowns, content_hash, firm_identifier, started_at, completed_at, duration_seconds)
  VALUES (gen_random_uuid(), '${ids.surveyId}', '${ids.versionId}', gen_random_uuid(), 'complete', 'zh',
    ${lit(JSON.stringify(answers))}::jsonb, ${lit(JSON.stringify(breakdownsOf(jilin, answers)))}::jsonb, md5(:r::text), 'F' || :r, now() - interval '10 minutes', now(), 600)
  RETURNING id)
INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank${extra})
SELECT r.id, '${ids.surveyId}', v.question_code, v.option_code, v.number_value::float8, v.text_value, v.rank::int${extra.replaceAll(", ", ", v.")}
FROM r, (VALUES
    ${rows.join(",\n    ")}) AS v(question_code, option_code, number_value, text_value, rank${extra});
`;
}

/** A survey of the Jilin questionnaire, written in SQL so that it works on either schema. */
async function createSurvey(url: string, definition: QuestionnaireDefinition, withMap: boolean) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const org = (
      await db.query(
        `INSERT INTO organization (id, slug, name) VALUES (gen_random_uuid(), 'bench', 'Bench') RETURNING id`,
      )
    ).rows[0].id;
    const q = (
      await db.query(
        `INSERT INTO questionnaire (id, organization_id, code, draft, updated_at) VALUES (gen_random_uuid(), $1, 'jilin', $2, now()) RETURNING id`,
        [org, definition],
      )
    ).rows[0].id;
    const versionId = (
      await db.query(
        `INSERT INTO questionnaire_version (id, questionnaire_id, number, definition) VALUES (gen_random_uuid(), $1, 1, $2) RETURNING id`,
        [q, definition],
      )
    ).rows[0].id;
    const surveyId = (
      await db.query(
        `INSERT INTO survey (id, organization_id, version_id, slug, title_zh, title_en) VALUES (gen_random_uuid(), $1, $2, 'bench', 'b', 'b') RETURNING id`,
        [org, versionId],
      )
    ).rows[0].id;
    return { surveyId, versionId, withMap };
  } finally {
    await db.end();
  }
}

function pgbench(url: string, script: string) {
  const file = path.join(tmpdir(), `sme-bench-${process.pid}.sql`);
  writeFileSync(file, script);
  const out = execFileSync(
    "pgbench",
    ["-n", "-c", String(CLIENTS), "-j", "2", "-T", String(SECONDS), "-f", file, "-r", url],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
  return { tps, latency, failed };
}

/** Server-side execution time of one insert (triggers included), rolled back; interleaved across databases. */
async function timePerWrite(targets: { url: string; script: string }[], runs = 60) {
  const clients = await Promise.all(
    targets.map(async (t) => {
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      return { c, sql: t.script.replace(/^\\set.*\n/, "").replaceAll(":r", "12345"), times: [] as number[] };
    }),
  );
  for (let i = 0; i < runs; i++)
    for (const t of clients) {
      await t.c.query("BEGIN");
      const plan = (await t.c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${t.sql}`)).rows[0]["QUERY PLAN"][0];
      await t.c.query("ROLLBACK");
      if (i >= 10) t.times.push(plan["Execution Time"]);
    }
  await Promise.all(clients.map((t) => t.c.end()));
  return clients.map((t) => {
    const sorted = t.times.sort((a, b) => a - b);
    return { median: sorted[sorted.length >> 1], p10: sorted[Math.floor(sorted.length / 10)] };
  });
}

async function writes() {
  const results: string[] = [];
  const kept: { url: string; script: string }[] = [];
  for (const variant of ["before", "after", "raw"] as const) {
    const name = `sme_bench_writes_${variant}`;
    const url = withDatabase(SERVER, name);
    await adminQuery(SERVER, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (variant === "before") await applyMigrations(url, MAP_MIGRATION);
    else await migrateDatabase(url);
    const ids = await createSurvey(url, jilin, variant !== "before");
    if (variant !== "before") {
      const db = createDbClient(url, 1);
      const { storeMetricMap } = await import("../lib/analytics/store-metric-map");
      await db.$transaction((tx) => storeMetricMap(tx, ids.versionId, jilin));
      await db.$disconnect();
    }
    if (variant === "raw") {
      for (const sql of ["ALTER TABLE response DISABLE TRIGGER USER", "ALTER TABLE answer DISABLE TRIGGER USER"])
        await adminQuery(url, sql).catch(async () => {
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(sql);
          await c.end();
        });
    }
    const script = insertScript(ids, variant === "before");
    const r = pgbench(url, script);
    results.push(`| ${variant} | ${r.tps.toFixed(1)} /s | ${r.latency.toFixed(1)} ms | ${r.failed} |`);
    console.log(results.at(-1));
    kept.push({ url, script });
  }
  const perWrite = await timePerWrite(kept.slice(0, 2));
  for (const name of ["before", "after", "raw"])
    await adminQuery(SERVER, `DROP DATABASE IF EXISTS "sme_bench_writes_${name}" WITH (FORCE)`);
  console.log(`\npgbench, ${CLIENTS} clients, ${SECONDS} s, one Jilin response (16 answer rows) per transaction`);
  console.log("| schema | responses/s | mean latency | failed |\n|---|---|---|---|");
  for (const line of results) console.log(line);
  console.log("\nDatabase time per write (EXPLAIN ANALYZE, triggers included), 50 interleaved runs");
  console.log("| schema | median | 10th percentile |\n|---|---|---|");
  perWrite.forEach((t, i) =>
    console.log(`| ${["before", "after"][i]} | ${t.median.toFixed(2)} ms | ${t.p10.toFixed(2)} ms |`),
  );
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function reads() {
  const url = await prepareBenchDatabase(SERVER, "sme_bench_dashboard", RESPONSES);
  const db = createDbClient(url, 2);
  const [{ id: surveyId }] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM survey WHERE slug = 'jilin-2017'`;
  const month = { from: "2017-04-01", to: "2017-04-30" };
  const two = { region: "changchun", industry: "services" };
  const cases: [string, ResultsFilter][] = [
    ["unfiltered", { breakdowns: {} }],
    ["one month (April 2017)", { breakdowns: {}, ...month }],
    ["region + industry", { breakdowns: two }],
    ["region + industry, one month", { breakdowns: two, ...month }],
  ];
  console.log(`\nsumScope (level macro) at ${RESPONSES} valid responses, 200 sequential reads after 20 warm-up`);
  console.log("| filter | base n | p50 | p95 |\n|---|---|---|---|");
  for (const [label, filter] of cases) {
    const run = () => sumScope({ db, surveyId, scope: "macro", filter });
    for (let i = 0; i < 20; i++) await run();
    const samples: number[] = [];
    let base = 0;
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      const rows = await run();
      samples.push(performance.now() - t0);
      base = rows.find((r) => r.metric === "base")?.responses ?? 0;
    }
    console.log(
      `| ${label} | ${base} | ${percentile(samples, 50).toFixed(1)} ms | ${percentile(samples, 95).toFixed(1)} ms |`,
    );
  }
  await db.$disconnect();
}

/** The cells query before issue 10 (no key sums): the baseline of the public reads. */
async function sumScopeWithoutKeys(db: ReturnType<typeof createDbClient>, surveyId: string, filter: ResultsFilter) {
  return db.$queryRaw<unknown[]>`
    SELECT c.metric, sum(c.responses)::float8 AS responses, sum(c.mentions)::float8 AS mentions,
           sum(c.value_sum) AS value_sum, sum(c.value_count)::float8 AS value_count
    FROM result_cell c
    WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'macro' ${cellsCondition("c", filter)}
    GROUP BY 1`;
}

async function publicReads() {
  const url = await prepareBenchDatabase(SERVER, "sme_bench_dashboard", RESPONSES);
  const db = createDbClient(url, 2);
  const found = (await findDashboardSurvey({ db, slug: "jilin-2017", actor: null }))!;
  const viewers: [string, DashboardSurvey][] = [
    ["member (exact)", { ...found, access: "member" }],
    ["public (perturbed)", { ...found, access: "public" }],
  ];
  const two = { region: "changchun", industry: "services" };
  const cases: [string, ResultsFilter][] = [
    ["unfiltered", { breakdowns: {} }],
    ["region + industry", { breakdowns: two }],
    ["one month (April 2017)", { breakdowns: {}, from: "2017-04-01", to: "2017-04-30" }],
  ];
  console.log(`\nReads at ${RESPONSES} valid responses, level macro, 200 interleaved rounds after 20 warm-up`);
  console.log("| filter | read | base n | p50 | p95 |\n|---|---|---|---|---|");
  for (const [label, filter] of cases) {
    const runs: [string, () => Promise<number | null>][] = [
      ...(filter.from
        ? []
        : [
            ["cells query before key sums", async () => (await sumScopeWithoutKeys(db, found.id, filter), null)] as [
              string,
              () => Promise<number | null>,
            ],
          ]),
      ...viewers.map(
        ([name, survey]) =>
          [
            `getAttention, ${name}`,
            async () =>
              (await getAttention({ db, survey, level: "macro", filter, measure: "cases", locale: "en" })).base,
          ] as [string, () => Promise<number | null>],
      ),
    ];
    for (let i = 0; i < 20; i++) for (const [, run] of runs) await run();
    const samples = runs.map(() => [] as number[]);
    const bases: (number | null)[] = runs.map(() => null);
    for (let i = 0; i < 200; i++)
      for (const [j, [, run]] of runs.entries()) {
        const t0 = performance.now();
        bases[j] = await run();
        samples[j].push(performance.now() - t0);
      }
    runs.forEach(([name], j) =>
      console.log(
        `| ${label} | ${name} | ${bases[j] ?? "–"} | ${percentile(samples[j], 50).toFixed(2)} ms | ${percentile(samples[j], 95).toFixed(2)} ms |`,
      ),
    );
  }
  await db.$disconnect();
}

// Weighted reads: the survey raked to region and size-class margins (ten times the sample's own
// counts, so the weights differ by cell), weights computed by the weighting job's own function,
// then getAttention as a member with and without the survey's weighting (the weighted read adds
// the weighted sums and one look at the valid set's signature), interleaved.
async function weightedReads() {
  const url = await prepareBenchDatabase(SERVER, "sme_bench_dashboard", RESPONSES);
  const db = createDbClient(url, 2);
  let found = (await findDashboardSurvey({ db, slug: "jilin-2017", actor: null }))!;
  if (!found.weighting) {
    const counts = await db.$queryRaw<{ variable: string; value: string; n: number }[]>`
      SELECT v AS variable, breakdowns->>v AS value, count(*)::int AS n
      FROM response, unnest(ARRAY['region', 'size_class']) v
      WHERE survey_id = ${found.id}::uuid AND valid GROUP BY 1, 2`;
    // Shifted away from the sample: the first values of each margin twice as common in the population.
    const margins = ["region", "size_class"].map((variable) => {
      const rows = counts.filter((c) => c.variable === variable).sort((a, b) => a.value.localeCompare(b.value));
      const raw = rows.map((r, i) => r.n * (i < 2 ? 20 : 10));
      const scale =
        (10 * counts.filter((c) => c.variable === "region").reduce((n, c) => n + c.n, 0)) /
        raw.reduce((a, b) => a + b, 0);
      return { variable, totals: rows.map((r, i) => ({ value: r.value, total: raw[i] * scale })) };
    });
    await db.surveyWeighting.create({
      data: {
        surveyId: found.id,
        method: "rake",
        targets: { method: "rake", margins },
        tolerance: 1e-9,
        maxIterations: 1000,
      },
    });
    const started = performance.now();
    await computeSurveyWeights(db, found.id);
    console.log(
      `weights computed for ${RESPONSES} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    found = (await findDashboardSurvey({ db, slug: "jilin-2017", actor: null }))!;
  }
  const member: DashboardSurvey = { ...found, access: "member" };
  const viewers: [string, DashboardSurvey][] = [
    ["unweighted", { ...member, weighting: null }],
    ["weighted", member],
  ];
  const cases: [string, ResultsFilter][] = [
    ["unfiltered", { breakdowns: {} }],
    ["region + industry", { breakdowns: { region: "changchun", industry: "services" } }],
  ];
  console.log(`\nWeighted reads at ${RESPONSES} valid responses, level macro, 200 interleaved rounds after 20 warm-up`);
  console.log("| filter | read | base n | weighted base | p50 | p95 |\n|---|---|---|---|---|---|");
  for (const [label, filter] of cases) {
    const runs = viewers.map(
      ([name, survey]) =>
        [name, () => getAttention({ db, survey, level: "macro", filter, measure: "cases", locale: "en" })] as const,
    );
    for (let i = 0; i < 20; i++) for (const [, run] of runs) await run();
    const samples = runs.map(() => [] as number[]);
    const last: Awaited<ReturnType<typeof getAttention>>[] = [];
    for (let i = 0; i < 200; i++)
      for (const [j, [, run]] of runs.entries()) {
        const t0 = performance.now();
        last[j] = await run();
        samples[j].push(performance.now() - t0);
      }
    runs.forEach(([name], j) =>
      console.log(
        `| ${label} | getAttention, ${name} | ${last[j].base ?? "–"} | ${last[j].weighting ? Math.round(last[j].weighting!.base) : "–"} | ${percentile(samples[j], 50).toFixed(2)} ms | ${percentile(samples[j], 95).toFixed(2)} ms |`,
      ),
    );
  }
  await db.$disconnect();
}

const parts = process.argv.slice(2);
(async () => {
  if (!parts.length || parts.includes("writes")) await writes();
  if (!parts.length || parts.includes("reads")) await reads();
  if (!parts.length || parts.includes("public")) await publicReads();
  if (!parts.length || parts.includes("weighted")) await weightedReads();
  process.exit(0);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
