// The one-statement store of a new complete submission (ADR 028) keeps every rule of the full
// transaction: the duplicate-firm rule under concurrency, screening reasons, replays.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { submitResponse } from "@/lib/responses/submit-response";
import { seedDemo } from "@/prisma/seed";
import { createSurvey, JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

let db: Db;
const SLUG = "store-test";

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 10);
  await createSurvey(db, {
    slug: SLUG,
    definition: jilinSmallMicroTemplate,
    survey: { minCompletionSeconds: 120 },
    collectors: ["link"],
  });
  return () => db.$disconnect();
});

const submit = (answers: Record<string, unknown>, startedAt: Date, submissionId = randomUUID(), slug = SLUG) =>
  submitResponse({
    db,
    slug,
    submission: { submissionId, locale: "zh", answers, startedAt: startedAt.toISOString() },
  });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/**
 * Holds the firm's advisory lock in a transaction of its own, as a slow submission of the same
 * firm would: `waiters(n)` waits until n statements queue for it, `release()` commits.
 */
async function holdFirmLock(firm: string) {
  const survey = await db.survey.findUniqueOrThrow({ where: { slug: SLUG } });
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${survey.id}:${firm}`]);
  return {
    waiters: (n: number) =>
      expect
        .poll(
          async () =>
            (await holder.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))
              .rows[0].n,
          { timeout: 10_000 },
        )
        .toBe(n),
    release: async () => {
      await holder.query("COMMIT");
      await holder.end();
    },
  };
}

describe("a new complete submission in one statement", () => {
  it("keeps one response of a firm valid when eight arrive at once, the others screened as duplicates", async () => {
    const answers = { ...JILIN_ANSWERS, firm_id: "91220101MA0RACE001" };
    // Another transaction holds the firm's lock until all eight wait for it, so they really meet:
    // each must see the one that committed before it, though all started before any committed.
    const lock = await holdFirmLock("91220101MA0RACE001");
    const pending = Promise.all(Array.from({ length: 8 }, () => submit(answers, minutesAgo(10))));
    await lock.waiters(8);
    await lock.release();
    const outcomes = await pending;
    expect(outcomes.map((o) => o.kind)).toEqual(Array(8).fill("stored"));
    const rows = await db.response.findMany({
      where: { survey: { slug: SLUG }, firmIdentifier: "91220101MA0RACE001" },
      select: { valid: true, screenedRule: true, screenedReason: true, screenedAt: true, revision: true },
    });
    expect(rows.filter((r) => r.valid)).toHaveLength(1);
    const duplicates = rows.filter((r) => !r.valid);
    expect(duplicates).toHaveLength(7);
    for (const r of duplicates)
      expect(r).toMatchObject({
        screenedRule: "duplicate_firm",
        screenedReason: "Firm 91220101MA0RACE001 had already answered this survey.",
        screenedAt: expect.any(Date),
        revision: 1,
      });
  });

  it("names every rule a response breaks, too fast before duplicate, and screens nothing it does not break", async () => {
    const answers = { ...JILIN_ANSWERS, firm_id: "91220101MA0FAST01" };
    const first = await submit(answers, minutesAgo(10));
    const second = await submit(answers, new Date(Date.now() - 30_000));
    const [a, b] = await Promise.all(
      [first, second].map((o) =>
        db.response.findUniqueOrThrow({ where: { id: o.kind === "stored" ? o.result.id : "" } }),
      ),
    );
    expect(a).toMatchObject({ valid: true, screenedRule: null, screenedReason: null, screenedAt: null });
    expect(b).toMatchObject({
      valid: false,
      screenedRule: "too_fast",
      screenedReason:
        "Completed in 30 s; the survey's minimum is 120 s. Firm 91220101MA0FAST01 had already answered this survey.",
    });
  });

  it("stores a resend once and answers it as a replay with the first send's id", async () => {
    const submissionId = randomUUID();
    const sends = await Promise.all(
      Array.from({ length: 6 }, () => submit(JILIN_ANSWERS, minutesAgo(5), submissionId)),
    );
    const stored = sends.flatMap((o) => (o.kind === "stored" ? [o] : []));
    expect(stored).toHaveLength(6);
    expect(stored.filter((o) => o.created)).toHaveLength(1);
    expect(new Set(stored.map((o) => o.result.id)).size).toBe(1);
    expect(await db.response.count({ where: { submissionId } })).toBe(1);
    expect(await db.answer.count({ where: { response: { submissionId } } })).toBe(8);
  });

  it("checks a firm against that firm's responses only, before the table has statistics", async () => {
    // Other firms' complete responses, never analyzed (as a new survey is, or any survey with
    // autovacuum off): the check once read all of them through the (survey, status) index.
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: SLUG } });
    await db.$executeRaw`
      INSERT INTO response (id, survey_id, version_id, submission_id, status, locale, answers, content_hash,
                            firm_identifier, completed_at)
      SELECT gen_random_uuid(), ${survey.id}::uuid, ${survey.versionId}::uuid, gen_random_uuid(), 'complete', 'zh',
             '{}', md5(n::text), 'BULK' || n, now()
      FROM generate_series(1, 20000) n`;
    const indexReads = async () =>
      Object.fromEntries(
        (
          await db.$queryRaw<{ name: string; scans: number; read: number }[]>`
            SELECT indexrelname AS name, idx_scan::int AS scans, idx_tup_read::int AS read
            FROM pg_stat_user_indexes WHERE relname = 'response'`
        ).map((r) => [r.name, r]),
      );
    const before = await indexReads();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT response_duplicates_firm($1, '91220101MA0NEWFIRM', NULL) AS dup`, [
        survey.id,
      ]);
      expect(rows[0].dup).toBe(false);
      await client.query("SELECT pg_stat_force_next_flush()");
      await client.query("SELECT 1");
    } finally {
      await client.end();
    }
    const byFirm = "response_survey_id_firm_identifier_idx";
    const byStatus = "response_survey_id_status_completed_at_idx";
    await expect.poll(async () => (await indexReads())[byFirm].scans).toBeGreaterThan(before[byFirm].scans);
    expect((await indexReads())[byStatus].read).toBe(before[byStatus].read);
  });
});

describe("this server's copy of a survey", () => {
  // Each test first stores a response, so that the server holds the survey's settings, then
  // changes them as a researcher would, and submits again at once.
  const fresh = async (slug: string) => {
    await createSurvey(db, { slug, definition: jilinSmallMicroTemplate, collectors: ["link"] });
    const first = await submit(JILIN_ANSWERS, minutesAgo(10), randomUUID(), slug);
    expect(first).toMatchObject({ kind: "stored", created: true });
    return db.survey.findUniqueOrThrow({ where: { slug }, include: { collectors: true } });
  };
  const countOf = (slug: string) => db.response.count({ where: { survey: { slug } } });

  it("takes no answer once the survey is closed", async () => {
    const survey = await fresh("cache-closed");
    await db.survey.update({ where: { id: survey.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await submit(JILIN_ANSWERS, minutesAgo(10), randomUUID(), "cache-closed")).toMatchObject({
      kind: "not_open",
      state: "closed",
    });
    expect(await countOf("cache-closed")).toBe(1);
  });

  it("applies a minimum completion time raised a moment ago", async () => {
    const survey = await fresh("cache-minimum");
    await db.survey.update({ where: { id: survey.id }, data: { minCompletionSeconds: 3600 } });
    const outcome = await submit(JILIN_ANSWERS, minutesAgo(10), randomUUID(), "cache-minimum");
    const stored = await db.response.findUniqueOrThrow({
      where: { id: outcome.kind === "stored" ? outcome.result.id : "" },
    });
    expect(stored).toMatchObject({ valid: false, screenedRule: "too_fast" });
  });

  it("asks for an invitation once the open link is closed, and fills no quota added since past its limit", async () => {
    const survey = await fresh("cache-link");
    await db.quota.create({ data: { surveyId: survey.id, questionCode: "region", optionCode: "changchun", limit: 1 } });
    expect(await submit(JILIN_ANSWERS, minutesAgo(10), randomUUID(), "cache-link")).toEqual({
      kind: "quota_full",
      questionCode: "region",
      optionCode: "changchun",
    });
    await db.collector.update({ where: { id: survey.collectors[0].id }, data: { closedAt: new Date() } });
    expect(await submit(JILIN_ANSWERS, minutesAgo(10), randomUUID(), "cache-link")).toEqual({
      kind: "token_required",
    });
    expect(await countOf("cache-link")).toBe(1);
  });
});

describe("the request limit of a client", () => {
  it("counts each request once, whichever path stores it, and refuses the one past the limit", async () => {
    const rateLimit = { key: `responses:test-${randomUUID()}`, limit: 4 };
    const now = new Date(); // one window for all five, whenever the minute turns
    const send = (submissionId: string, partial = false) =>
      submitResponse({
        db,
        slug: SLUG,
        rateLimit,
        now,
        submission: {
          submissionId,
          locale: "zh",
          answers: JILIN_ANSWERS,
          startedAt: minutesAgo(10).toISOString(),
          partial,
        },
      });
    const resent = randomUUID();
    const kinds = [];
    for (const [id, partial] of [
      [randomUUID(), true], // a partial save: the full transaction
      [resent, false], // new and complete: one statement
      [resent, false], // its resend: one statement finds it, the transaction replays it
      [randomUUID(), false],
      [randomUUID(), false], // the fifth request in the window
    ] as const) {
      const outcome = await send(id, partial);
      kinds.push(outcome.kind === "stored" ? `stored ${outcome.created ? "new" : "again"}` : outcome.kind);
    }
    expect(kinds).toEqual(["stored new", "stored new", "stored again", "stored new", "rate_limited"]);
    const buckets = await db.$queryRaw<{ count: number }[]>`
      SELECT count FROM rate_limit_bucket WHERE key = ${rateLimit.key}`;
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(5);
  });

  it("does not hold a client's count while its submission waits for a firm's lock", async () => {
    const rateLimit = { key: `responses:test-${randomUUID()}`, limit: 100 };
    const firm = "91220101MA0WAIT001";
    const lock = await holdFirmLock(firm);
    const waiting = submitResponse({
      db,
      slug: SLUG,
      rateLimit,
      submission: {
        submissionId: randomUUID(),
        locale: "zh",
        answers: { ...JILIN_ANSWERS, firm_id: firm },
        startedAt: minutesAgo(10).toISOString(),
      },
    });
    await lock.waiters(1);
    // Another request of the same client (a refused body, say) is counted meanwhile, not queued.
    const other = await Promise.race([
      hitRateLimit({ db, ...rateLimit }),
      new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 3000)),
    ]);
    await lock.release();
    expect(other).toMatchObject({ allowed: true, count: 1 });
    expect(await waiting).toMatchObject({ kind: "stored", created: true });
    const [bucket] = await db.$queryRaw<{ count: number }[]>`
      SELECT sum(count)::int AS count FROM rate_limit_bucket WHERE key = ${rateLimit.key}`;
    expect(bucket.count).toBe(2);
  });

  it("keeps a survey's copy current when paper or invitation collectors are added", async () => {
    const survey = await db.survey.findUniqueOrThrow({ where: { slug: SLUG } });
    await db.collector.create({ data: { surveyId: survey.id, kind: "paper", name: "Paper, wave 2" } });
    await db.collector.create({ data: { surveyId: survey.id, kind: "invitation", name: "Invitations" } });
    expect((await db.survey.findUniqueOrThrow({ where: { slug: SLUG } })).settingsRevision).toBe(
      survey.settingsRevision,
    );
  });
});
