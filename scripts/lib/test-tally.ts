// Reads a test runner's JSON report into counts. Failures that are not a failed test (a test file
// that could not load, an error outside any test, a Playwright global set-up that threw) come
// back as `errors`, each of which fails the run.
import fs from "node:fs";

export type Tally = { passed: number; failed: number; errors: string[] };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  success: boolean;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
};

type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number };
  errors?: { message?: string }[];
};

/** null when the report is missing or unreadable (the runner crashed before writing it). */
export function readTally(file: string, kind: "vitest" | "playwright"): Tally | null {
  let report: unknown;
  try {
    report = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  return kind === "vitest" ? vitestTally(report as VitestReport) : playwrightTally(report as PlaywrightReport);
}

function vitestTally(r: VitestReport): Tally {
  const errors = r.testResults
    .filter((f) => f.status === "failed" && !f.assertionResults.some((a) => a.status === "failed"))
    .map((f) => `${f.name} failed outside its tests: ${(f.message ?? "").split("\n")[0]}`);
  if (!r.success && r.numFailedTests === 0 && errors.length === 0)
    errors.push("vitest reported errors outside the tests");
  return { passed: r.numPassedTests, failed: r.numFailedTests, errors };
}

function playwrightTally(r: PlaywrightReport): Tally {
  const errors = (r.errors ?? []).map((e) => `playwright: ${(e.message ?? "error").split("\n")[0]}`);
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, errors };
}
