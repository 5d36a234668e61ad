// Dashboard speed at scale: loads N valid Jilin responses into a dedicated database
// (bench/dashboard-load.ts), serves an existing production build on it, and measures
//   - GET …/results/attention for one level, unfiltered and with two breakdown filters
//     (sequential requests, p50/p95), beside the same numbers from hand-written SQL: over the
//     result cells (what the endpoint reads) and from scratch over the answer rows;
//   - the dashboard page's first load in Chromium until every chart is drawn.
// Usage (never part of npm test):
//   NEXT_DIST_DIR=.next-bench npx next build
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres NEXT_DIST_DIR=.next-bench npm run bench:dashboard -- 1000000
// The database sme_bench_dashboard is kept between runs (loading a million responses takes minutes).
import { spawn } from "node:child_process";
import { serveCommand, serveEnv } from "../scripts/lib/serve-command";
import pg from "pg";
import { chromium } from "@playwright/test";
import { prepareBenchDatabase } from "./dashboard-load";

const RESPONSES = Number(process.argv[2] ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const BASE = `http://127.0.0.1:${PORT}`;
const FILTER = "region=changchun&industry=services";

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function time(run: () => Promise<unknown>, n = REQUESTS) {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const CELL_SQL = (filtered: boolean) => `
  SELECT metric, sum(responses) AS responses, sum(mentions) AS mentions
  FROM result_cell WHERE survey_id = $1 AND scope = 'macro'
  ${filtered ? `AND breakdowns @> '{"region": "changchun", "industry": "services"}'` : `AND cell_key < '{'`} GROUP BY metric`;
const RAW_SQL = (filtered: boolean) => `
  SELECT a.option_code, count(DISTINCT a.response_id) AS firms
  FROM answer a JOIN response r ON r.id = a.response_id
  WHERE a.survey_id = $1 AND a.question_code = 'macro_constraints' AND a.option_code <> 'dont_know' AND r.valid
    ${filtered ? `AND r.breakdowns @> '{"region": "changchun", "industry": "services"}'` : ""}
  GROUP BY ROLLUP (a.option_code)`;

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("Set DATABASE_URL to a PostgreSQL server; the database sme_bench_dashboard is created there.");
  const url = await prepareBenchDatabase(serverUrl, "sme_bench_dashboard", RESPONSES);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const surveyId = (await db.query(`SELECT id FROM survey WHERE slug = 'jilin-2017'`)).rows[0].id as string;
  const valid = (
    await db.query(`SELECT count(*)::int AS n FROM response WHERE survey_id = $1 AND screened_at IS NULL`, [surveyId])
  ).rows[0].n;
  const cells = (
    await db.query(`SELECT count(*)::int AS n FROM result_cell WHERE survey_id = $1 AND scope = 'macro'`, [surveyId])
  ).rows[0].n;

  const server = spawn(serveCommand[0], serveCommand[1], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...serveEnv(PORT),
      DATABASE_URL: url,
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123",
    },
  });
  try {
    for (
      let i = 0;
      i < 120 &&
      !(await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 500));
    const endpoint = (query: string) => async () => {
      const res = await fetch(`${BASE}/api/v1/surveys/jilin-2017/results/attention?level=macro&locale=en${query}`);
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return res.json();
    };
    const check = await endpoint(`&${FILTER}`)();
    console.log(`\n${valid} valid responses, ${cells} macro result cells; filtered base n = ${check.base}`);
    const rows: string[] = [];
    for (const [name, query, filtered] of [
      ["unfiltered", "", false],
      ["region + industry", `&${FILTER}`, true],
    ] as const) {
      const api = await time(endpoint(query));
      const cell = await time(() => db.query(CELL_SQL(filtered), [surveyId]));
      const raw = await time(() => db.query(RAW_SQL(filtered), [surveyId]), 10);
      rows.push(
        `| ${valid.toLocaleString("en")} | ${name} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(cell.p95)} | ${(api.p95 / cell.p95).toFixed(1)}× | ${ms(raw.p95)} | ${(api.p95 / raw.p95).toFixed(2)}× |`,
      );
    }
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const loads: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(`${BASE}/surveys/jilin-2017/dashboard`);
      await page.getByTestId("chart-responses-per-day").locator("svg.recharts-surface").first().waitFor();
      for (const level of ["macro", "middle", "micro"])
        await page.getByTestId(`chart-attention-${level}`).locator(".recharts-errorBar").first().waitFor();
      if (i > 0) loads.push(performance.now() - t0); // the first load warms the server's code
      await context.close();
    }
    await browser.close();
    console.log(
      "\n| valid responses | filter | endpoint p50 | endpoint p95 | SQL on cells p95 | ratio | SQL on answers p95 | ratio |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    console.log(rows.join("\n"));
    console.log(
      `\nDashboard first load in Chromium (all charts drawn), median of 5: ${ms(percentile(loads, 50))}, worst ${ms(Math.max(...loads))}`,
    );
  } finally {
    server.kill("SIGTERM");
    await db.end();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
