// `npm test`: every test against a real PostgreSQL (DATABASE_URL's server, or an embedded one).
//   1. migrations apply to an empty database, and agree with prisma/schema.prisma;
//   2. lint (ESLint with the layer rules) and format (Prettier) checks;
//   3. unit and integration tests (vitest), each integration file on its own cloned database;
//   4. browser tests (Playwright, Chromium) against a production build on a seeded database.
// `npm test -- unit integration` runs only those stages; other arguments go to Playwright
// (`npm test -- e2e tests/e2e/home.spec.ts`). `--fixture <dir>` runs the stages on the vitest and
// Playwright configs in <dir> instead, without building the app (the harness's own tests).
//
// The exit status comes from what each runner reported, not from its exit code alone: a library's
// exit hook once turned a failing vitest run's code into 0. Any failed test, any stage that did
// not write its report, any runner that crashed or ran no tests fails the run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { adminQuery, pendingSchemaChanges, withDatabase } from "../lib/db/schema-engine";
import { seedDemo } from "../prisma/seed";
import { startDatabaseServer } from "./lib/database-server";
import { migrateDatabase } from "./lib/migrate";
import { readTally, type Tally } from "./lib/test-tally";
import { TEST_DATABASE } from "./lib/test-database";

const STAGES = ["schema", "lint", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];
const isStage = (a: string): a is Stage => (STAGES as readonly string[]).includes(a);

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: { fixture: { type: "string" } },
});
const fixture = typeof flags.fixture === "string" ? path.resolve(flags.fixture) : undefined;
const requested = positionals.filter(isStage);
const stages: readonly Stage[] = requested.length ? requested : STAGES;
const playwrightArgs = positionals.filter((a) => !isStage(a));
const vitestConfig = fixture ? path.join(fixture, "vitest.config.ts") : "vitest.config.ts";
const playwrightConfig = fixture ? path.join(fixture, "playwright.config.ts") : "playwright.config.ts";

function run(title: string, bin: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.resolve("node_modules", bin), ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`  ${title}: exit code ${result.status ?? result.signal} in ${seconds} s`);
  return result.status;
}

/** A stage's outcome: tests from its report, plus failures of the stage itself (each counts as one). */
type Outcome = { stage: string; tally: Tally; problems: string[] };

/** A runner's outcome from its report; its exit code only adds a failure when the report hides it. */
function runnerOutcome(stage: string, report: string, kind: "vitest" | "playwright", exitCode: number | null): Outcome {
  const tally = readTally(report, kind);
  if (!tally)
    return {
      stage,
      tally: { passed: 0, failed: 0, errors: [] },
      problems: [`${stage} wrote no report (the runner crashed or was stopped, exit code ${exitCode})`],
    };
  const problems = [...tally.errors];
  if (tally.passed + tally.failed === 0) problems.push(`${stage} ran no tests`);
  if (exitCode !== 0 && tally.failed === 0 && problems.length === 0)
    problems.push(`${stage} exited with code ${exitCode} although its report shows no failure`);
  return { stage, tally, problems };
}

const stageOutcome = (stage: string, ok: boolean, problem: string): Outcome => ({
  stage,
  tally: { passed: 0, failed: 0, errors: [] },
  problems: ok ? [] : [problem],
});

async function main() {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "sme-test-"));
  const outcomes: Outcome[] = [];
  const server = await startDatabaseServer(TEST_DATABASE);
  const runId = `sme_test_${Date.now().toString(36)}_${process.pid}`;
  const base = withDatabase(server.url, `${runId}_base`);
  const e2e = withDatabase(server.url, `${runId}_e2e`);
  try {
    const needsDatabase = stages.some((s) => s === "schema" || s === "integration" || s === "e2e");
    if (needsDatabase) {
      const applied = await migrateDatabase(base);
      console.log(`Migrations applied to an empty database: ${applied.length}`);
    }
    if (stages.includes("schema") && !fixture) {
      const missing = await pendingSchemaChanges(base);
      if (missing) console.error("prisma/schema.prisma and prisma/migrations disagree; missing migration:\n" + missing);
      outcomes.push(stageOutcome("schema", !missing, "prisma/schema.prisma and prisma/migrations disagree"));
    }
    if (stages.includes("lint") && !fixture) {
      const lint = run("eslint", "eslint/bin/eslint.js", [".", "--max-warnings=0"]);
      outcomes.push(stageOutcome("eslint", lint === 0, "eslint found problems"));
      const format = run("prettier --check", "prettier/bin/prettier.cjs", ["--check", ".", "--log-level=warn"]);
      outcomes.push(
        stageOutcome("prettier", format === 0, "prettier --check found unformatted files (npm run format fixes them)"),
      );
    }
    const vitestProjects = (["unit", "integration"] as const).filter((s) => stages.includes(s));
    if (vitestProjects.length) {
      const report = path.join(reports, "vitest.json");
      const args = [
        "run",
        `--config=${vitestConfig}`,
        ...vitestProjects.flatMap((p) => ["--project", p]),
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ];
      const code = run("vitest " + vitestProjects.join(" + "), "vitest/vitest.mjs", args, {
        TEST_TEMPLATE_DATABASE_URL: base,
      });
      outcomes.push(runnerOutcome("vitest", report, "vitest", code));
    }
    if (stages.includes("e2e")) {
      const env = { DATABASE_URL: e2e, E2E_DATABASE_URL: e2e };
      let built = true;
      if (!fixture) {
        await adminQuery(server.url, `CREATE DATABASE "${runId}_e2e" TEMPLATE "${runId}_base"`);
        console.log(await seedDemo(e2e));
        built = run("next build", "next/dist/bin/next", ["build"], env) === 0;
        outcomes.push(stageOutcome("next build", built, "next build failed"));
      }
      if (built) {
        const report = path.join(reports, "playwright.json");
        const args = ["test", `--config=${playwrightConfig}`, "--reporter=list,json", ...playwrightArgs];
        const code = run("playwright (Chromium)", "@playwright/test/cli.js", args, {
          ...env,
          PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        });
        outcomes.push(runnerOutcome("playwright", report, "playwright", code));
      }
    }
  } finally {
    for (const suffix of ["e2e", "base"])
      await adminQuery(server.url, `DROP DATABASE IF EXISTS "${runId}_${suffix}" WITH (FORCE)`);
    await server.stop();
    fs.rmSync(reports, { recursive: true, force: true });
  }
  console.log("");
  for (const o of outcomes) {
    const ok = o.tally.failed === 0 && o.problems.length === 0;
    const counts = o.tally.passed + o.tally.failed > 0 ? ` (${o.tally.passed} passed, ${o.tally.failed} failed)` : "";
    console.log(`${ok ? "✓" : "✗"} ${o.stage}${counts}`);
    for (const p of o.problems) console.log(`    ${p}`);
  }
  const passed = outcomes.reduce((n, o) => n + o.tally.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.tally.failed + o.problems.length, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
