// `npm test`: every test against a real PostgreSQL (DATABASE_URL's server, or an embedded one).
//   1. migrations apply to an empty database, and agree with prisma/schema.prisma;
//   2. unit and integration tests (vitest), each integration file on its own cloned database;
//   3. browser tests (Playwright, Chromium) against a production build on a seeded database.
// `npm test -- unit integration` runs only those stages; other arguments go to Playwright
// (`npm test -- e2e tests/e2e/home.spec.ts`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminQuery, applyMigrations, pendingSchemaChanges, withDatabase } from "../lib/db/schema-engine";
import { seedDemo } from "../prisma/seed";
import { startDatabaseServer } from "./lib/database-server";
import { TEST_DATABASE } from "./lib/test-database";

const STAGES = ["schema", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];
const requested = process.argv.slice(2).filter((a): a is Stage => (STAGES as readonly string[]).includes(a));
const stages: readonly Stage[] = requested.length ? requested : STAGES;
const playwrightArgs = process.argv.slice(2).filter((a) => !(STAGES as readonly string[]).includes(a));

function run(title: string, bin: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.resolve("node_modules", bin), ...args], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  console.log(`  ${title}: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

type Tally = { passed: number; failed: number };

/** Test counts from a runner's JSON report (null when it crashed before reporting). */
function readTally(file: string, kind: "vitest" | "playwright"): Tally | null {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  return kind === "vitest"
    ? { passed: report.numPassedTests, failed: report.numFailedTests }
    : { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

async function main() {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "sme-test-"));
  const tallies: Tally[] = [];
  const server = await startDatabaseServer(TEST_DATABASE);
  const runId = `sme_test_${Date.now().toString(36)}_${process.pid}`;
  const base = withDatabase(server.url, `${runId}_base`);
  const e2e = withDatabase(server.url, `${runId}_e2e`);
  const results: [string, boolean][] = [];
  try {
    const applied = await applyMigrations(base);
    console.log(`Migrations applied to an empty database: ${applied.length}`);
    if (stages.includes("schema")) {
      const missing = await pendingSchemaChanges(base);
      if (missing) console.error("prisma/schema.prisma and prisma/migrations disagree; missing migration:\n" + missing);
      results.push(["schema matches migrations", !missing]);
    }
    const vitestProjects = (["unit", "integration"] as const).filter((s) => stages.includes(s));
    if (vitestProjects.length) {
      const report = path.join(reports, "vitest.json");
      const args = ["run", ...vitestProjects.flatMap((p) => ["--project", p]), "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
      const ok = run("vitest " + vitestProjects.join(" + "), "vitest/vitest.mjs", args, { TEST_TEMPLATE_DATABASE_URL: base });
      results.push(["vitest", ok]);
      tallies.push(readTally(report, "vitest") ?? { passed: 0, failed: ok ? 0 : 1 });
    }
    if (stages.includes("e2e")) {
      await adminQuery(server.url, `CREATE DATABASE "${runId}_e2e" TEMPLATE "${runId}_base"`);
      console.log(await seedDemo(e2e));
      const env = { DATABASE_URL: e2e, E2E_DATABASE_URL: e2e };
      const built = run("next build", "next/dist/bin/next", ["build"], env);
      results.push(["next build", built]);
      if (built) {
        const report = path.join(reports, "playwright.json");
        const args = ["test", "--reporter=list,json", ...playwrightArgs];
        const ok = run("playwright (Chromium)", "@playwright/test/cli.js", args, { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report });
        results.push(["playwright", ok]);
        tallies.push(readTally(report, "playwright") ?? { passed: 0, failed: ok ? 0 : 1 });
      }
    }
  } finally {
    for (const suffix of ["e2e", "base"]) await adminQuery(server.url, `DROP DATABASE IF EXISTS "${runId}_${suffix}" WITH (FORCE)`);
    await server.stop();
  }
  const failed = results.filter(([, ok]) => !ok);
  console.log(`\n${results.map(([name, ok]) => `${ok ? "✓" : "✗"} ${name}`).join("\n")}`);
  // The closing line counts tests; a failed stage that runs no tests (schema check, build) counts as one failure.
  const stageFailures = failed.filter(([name]) => name !== "vitest" && name !== "playwright").length;
  const passed = tallies.reduce((n, t) => n + t.passed, 0);
  const failedTests = tallies.reduce((n, t) => n + t.failed, 0) + stageFailures;
  console.log(`${passed} passed, ${failedTests} failed`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
