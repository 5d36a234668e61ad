// The README's backup procedure (issue 13, "Also"): pg_dump of a database with the demo survey,
// pg_restore into a fresh database, and the attention results read the same from both.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import { createDbClient } from "@/lib/db/create-client";
import { adminQuery, withDatabase } from "@/lib/db/schema-engine";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";

const source = process.env.DATABASE_URL!;
const restoredName = `${new URL(source).pathname.slice(1)}_restored`;
const restored = withDatabase(source, restoredName);
const dir = mkdtempSync(path.join(tmpdir(), "survey-backup-"));

beforeAll(async () => {
  await seedDemo(source);
  await adminQuery(source, `CREATE DATABASE "${restoredName}"`);
});
afterAll(async () => {
  await adminQuery(source, `DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
});

/** Members' exact figures, and the public's perturbed ones (the record keys must survive too). */
async function attentionIn(url: string, access: "member" | "public") {
  const db = createDbClient(url, 1);
  try {
    const survey = { ...(await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: null }))!, access };
    const levels = ["macro", "middle", "micro"] as const;
    return await Promise.all(
      levels.map((level) =>
        getAttention({ db, survey, level, filter: { breakdowns: {} }, measure: "cases", locale: "en" }),
      ),
    );
  } finally {
    await db.$disconnect();
  }
}

describe("a backup", () => {
  it("restored with pg_restore into a fresh database answers the attention results exactly as before", async () => {
    const before = await attentionIn(source, "member");
    expect(before[0].base).toBe(226);
    const published = await attentionIn(source, "public");
    expect(published[0].perturbed).toBe(true);
    const dump = path.join(dir, "survey.dump");
    execFileSync("pg_dump", ["-Fc", "--no-owner", "-f", dump, source]);
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "-d", restored, dump]);
    expect(await attentionIn(restored, "member")).toEqual(before);
    expect(await attentionIn(restored, "public")).toEqual(published);
  });
});
