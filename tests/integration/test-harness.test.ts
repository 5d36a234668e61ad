// `npm test` fails whenever a test fails: the harness (scripts/test.ts) run on a fixture project
// whose unit, integration and browser tests fail on purpose, and with the two ways a runner once
// hid a failure (a library's exit hook that exits 0, a runner that dies before reporting).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FIXTURE = "tests/fixtures/harness";

function harness(stage: string, harnessCase?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, HARNESS_CASE: harnessCase ?? "", FORCE_COLOR: "0" };
  // The harness prepares its own template database on this server.
  delete env.TEST_TEMPLATE_DATABASE_URL;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", path.resolve("scripts/test.ts"), "--fixture", FIXTURE, stage],
    {
      env,
      encoding: "utf8",
      timeout: 150_000,
    },
  );
  const lines = `${run.stdout}`.trim().split("\n");
  return { status: run.status, closing: lines.at(-1), output: run.stdout + run.stderr };
}

describe("npm test", () => {
  it.each([
    ["a failing unit test", "unit", undefined],
    ["a failing integration test (on the real integration set-up and database)", "integration", undefined],
    ["a failing browser test", "e2e", undefined],
    ["a failing test whose runner is made to exit 0 by an exit hook", "unit", "exit-hook"],
  ])(
    "exits 1 on %s and counts it",
    (_what, stage, harnessCase) => {
      const run = harness(stage, harnessCase);
      expect(run.closing, run.output).toBe("1 passed, 1 failed");
      expect(run.status, run.output).toBe(1);
    },
    160_000,
  );

  it("exits 1 when a runner exits 0 without writing its report", () => {
    const run = harness("unit", "exits-early");
    expect(run.output).toContain("vitest wrote no report");
    expect(run.closing, run.output).toBe("0 passed, 1 failed");
    expect(run.status, run.output).toBe(1);
  }, 160_000);

  it("exits 0 when every test passes", () => {
    const run = harness("unit", "passing");
    expect(run.closing, run.output).toBe("1 passed, 0 failed");
    expect(run.status, run.output).toBe(0);
  }, 160_000);
});
