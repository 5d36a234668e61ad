// The public respondent API of DESIGN.md §5 against a real PostgreSQL: every status code, and
// what was (and was not) stored for each.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { seedDemo } from "@/prisma/seed";
import { flaggedFactors } from "@/tests/fixtures/flagged-factors";
import { createRespondentSurveys, JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let postResponse: Handler;
let getSurvey: Handler;
let getResume: Handler;
let db: Db;
let tokens: string[];
let ipCounter = 0;

beforeAll(async () => {
  // Read once by lib/env.ts on first use, so it is set before the routes are imported.
  process.env.RESPONSES_RATE_LIMIT_PER_MINUTE = "5";
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 4);
  ({ tokens } = await createRespondentSurveys(db));
  postResponse = (await import("@/app/api/v1/surveys/[slug]/responses/route")).POST as Handler;
  getSurvey = (await import("@/app/api/v1/surveys/[slug]/route")).GET as Handler;
  getResume = (await import("@/app/api/v1/surveys/[slug]/responses/[submissionId]/route")).GET as Handler;
  return () => db.$disconnect();
});

/** Each call comes from its own address unless one is given, so the rate limit only bites where tested. */
async function post(slug: string, body: unknown, ip = `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  const res = await postResponse(
    new Request(`http://test/api/v1/surveys/${slug}/responses`, {
      method: "POST",
      body: raw,
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: res.status, body: await res.json(), headers: res.headers };
}
const get = async (handler: Handler, params: Record<string, string>) => {
  const res = await handler(new Request("http://test/"), { params: Promise.resolve(params) });
  return { status: res.status, body: await res.json() };
};
const tenMinutesAgo = () => new Date(Date.now() - 600_000).toISOString();
const responsesOf = (slug: string) =>
  db.response.findMany({ where: { survey: { slug } }, include: { answerRows: true } });

describe("GET /api/v1/surveys/{slug}", () => {
  it("returns the published questionnaire of an open survey", async () => {
    const res = await get(getSurvey, { slug: "jilin-try" });
    expect(res.status).toBe(200);
    expect(res.body.definition.code).toBe("jilin_small_micro");
    expect(res.body.title.en).toMatch(/Jilin/);
    expect(res.body.requiresToken).toBe(false);
  });

  it("answers 404 for an unknown survey and 410 with dates for closed and not yet open ones", async () => {
    expect((await get(getSurvey, { slug: "nope" })).status).toBe(404);
    const closed = await get(getSurvey, { slug: "closed-2016" });
    expect(closed).toMatchObject({
      status: 410,
      body: { error: "survey_closed", closesAt: "2016-12-31T16:00:00.000Z" },
    });
    const future = await get(getSurvey, { slug: "future-2099" });
    expect(future).toMatchObject({
      status: 410,
      body: { error: "survey_not_open", opensAt: "2099-03-01T00:00:00.000Z" },
    });
  });
});

describe("POST /api/v1/surveys/{slug}/responses", () => {
  it("stores a complete response with its answer rows (201), screening a too-fast one", async () => {
    const slow = await post("jilin-try", {
      submissionId: randomUUID(),
      locale: "zh",
      answers: JILIN_ANSWERS,
      startedAt: tenMinutesAgo(),
    });
    expect(slow.status).toBe(201);
    expect(slow.body).toMatchObject({ status: "complete" });
    const stored = await db.response.findUniqueOrThrow({ where: { id: slow.body.id }, include: { answerRows: true } });
    expect(stored).toMatchObject({
      status: "complete",
      screenedRule: null,
      locale: "zh",
      breakdowns: { region: "changchun", industry: "manufacturing", size_class: "small", lifecycle_stage: "growth" },
    });
    expect(stored.durationSeconds).toBeGreaterThanOrEqual(599);
    expect(await flaggedFactors(db, stored.id)).toEqual([
      "entrepreneur_training",
      "fiscal_tax_support",
      "national_policy",
    ]);

    const fast = await post("jilin-try", { submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS });
    expect(fast.status).toBe(201);
    const screened = await db.response.findUniqueOrThrow({ where: { id: fast.body.id } });
    expect(screened).toMatchObject({ status: "complete", screenedRule: "too_fast" });
    expect(screened.screenedReason).toMatch(/minimum is 120 s/);
  });

  it("replays the same body with 200 and the same id, and refuses other content under that submissionId (409)", async () => {
    const body = { submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS, startedAt: tenMinutesAgo() };
    const first = await post("jilin-try", body);
    const again = await post("jilin-try", body);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, status: "complete" } });
    const conflict = await post("jilin-try", { ...body, answers: { ...JILIN_ANSWERS, region: "jilin" } });
    expect(conflict).toMatchObject({ status: 409, body: { error: "submission_conflict" } });
    const rows = await db.response.findMany({
      where: { submissionId: body.submissionId },
      include: { answerRows: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0].breakdowns).toMatchObject({ region: "changchun" });
    expect(rows[0].answerRows).toHaveLength(8);
  });

  it("stores one response when the same submission arrives ten times at once", async () => {
    const body = { submissionId: randomUUID(), locale: "zh", answers: JILIN_ANSWERS, startedAt: tenMinutesAgo() };
    const results = await Promise.all(Array.from({ length: 10 }, () => post("jilin-try", body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await db.response.count({ where: { submissionId: body.submissionId } })).toBe(1);
    expect(await db.answer.count({ where: { response: { submissionId: body.submissionId } } })).toBe(8);
  });

  it("refuses invalid answers with 422, naming each answer in the respondent's language, and stores nothing", async () => {
    const before = await db.response.count();
    const submissionId = randomUUID();
    const answers = {
      ...JILIN_ANSWERS,
      employees: 0,
      macro_constraints: ["national_policy", "none"],
      industry: undefined,
    };
    const zh = await post("jilin-try", { submissionId, locale: "zh", answers });
    expect(zh.status).toBe(422);
    expect(zh.body.error).toBe("validation_failed");
    expect(zh.body.issues).toEqual([
      { path: ["answers", "industry"], code: "required", message: "请回答此题。" },
      { path: ["answers", "employees"], code: "too_small", message: "请输入不小于 1 的数字。" },
      {
        path: ["answers", "macro_constraints"],
        code: "exclusive_conflict",
        message: "“以上都不是”不能与其他选项同时选择，请取消其一。",
      },
    ]);
    const en = await post("jilin-try", { submissionId, locale: "en", answers });
    expect(en.body.issues[1].message).toBe("Enter a number of at least 1.");
    const badBody = await post("jilin-try", { submissionId: "not-a-uuid", locale: "fr", answers: {} });
    expect(badBody.status).toBe(422);
    expect(badBody.body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["locale", "submissionId"]);
    expect(await db.response.count()).toBe(before);
  });

  it("answers 404, 410, 400 and 413 without storing anything", async () => {
    const before = await db.response.count();
    const body = { submissionId: randomUUID(), locale: "zh", answers: JILIN_ANSWERS };
    expect(await post("no-such-survey", body)).toMatchObject({ status: 404, body: { error: "not_found" } });
    expect(await post("closed-2016", body)).toMatchObject({ status: 410, body: { error: "survey_closed" } });
    expect(await post("future-2099", body)).toMatchObject({ status: 410, body: { error: "survey_not_open" } });
    expect(await post("jilin-try", "{not json")).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    const huge = await post("jilin-try", { ...body, answers: { ...JILIN_ANSWERS, firm_id: "x".repeat(70_000) } });
    expect(huge).toMatchObject({ status: 413, body: { error: "payload_too_large" } });
    expect(huge.body.message).not.toMatch(/at |Error/);
    expect(await db.response.count()).toBe(before);
  });

  it("limits requests per client address (429 with Retry-After) and stores nothing beyond the limit", async () => {
    const ip = "203.0.113.7";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await post(
            "jilin-try",
            { submissionId: randomUUID(), locale: "zh", answers: { region: "jilin" }, partial: true },
            ip,
          )
        ).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await post("jilin-try", { submissionId: randomUUID(), locale: "zh", answers: JILIN_ANSWERS }, ip);
    expect(limited).toMatchObject({ status: 429, body: { error: "rate_limited" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db.response.count({ where: { answers: { equals: { region: "jilin" } } } })).toBe(5);
    expect(
      (
        await post(
          "jilin-try",
          { submissionId: randomUUID(), locale: "zh", answers: { region: "jilin" }, partial: true },
          "203.0.113.8",
        )
      ).status,
    ).toBe(201);
  });
});

describe("partial saves and resume", () => {
  it("saves partial answers under one submissionId, resumes them, then completes the same response", async () => {
    const submissionId = randomUUID();
    const first = await post("jilin-try", {
      submissionId,
      locale: "zh",
      answers: { region: "siping" },
      partial: true,
      startedAt: tenMinutesAgo(),
    });
    expect(first).toMatchObject({ status: 201, body: { status: "partial" } });
    const second = await post("jilin-try", {
      submissionId,
      locale: "zh",
      answers: { region: "siping", employees: 8 },
      partial: true,
    });
    expect(second).toMatchObject({ status: 200, body: { id: first.body.id, status: "partial" } });
    const partial = await db.response.findUniqueOrThrow({
      where: { id: first.body.id },
      include: { answerRows: true },
    });
    expect(partial).toMatchObject({ status: "partial", answers: { region: "siping", employees: 8 }, answerRows: [] });

    const resumed = await get(getResume, { slug: "jilin-try", submissionId });
    expect(resumed).toMatchObject({
      status: 200,
      body: { status: "partial", answers: { region: "siping", employees: 8 } },
    });
    expect((await get(getResume, { slug: "jilin-try", submissionId: randomUUID() })).status).toBe(404);

    const done = await post("jilin-try", {
      submissionId,
      locale: "en",
      answers: { ...JILIN_ANSWERS, region: "siping", employees: 8 },
    });
    expect(done).toMatchObject({ status: 201, body: { id: first.body.id, status: "complete" } });
    const complete = await db.response.findUniqueOrThrow({
      where: { id: first.body.id },
      include: { answerRows: true },
    });
    expect(complete).toMatchObject({
      status: "complete",
      screenedRule: null,
      breakdowns: { size_class: "micro", region: "siping" },
    });
    expect(complete.answerRows.length).toBeGreaterThan(0);
    expect((await get(getResume, { slug: "jilin-try", submissionId })).body).toEqual({
      submissionId,
      status: "complete",
      completedAt: complete.completedAt!.toISOString(),
    });
  });

  it("never lets a stale copy on another device overwrite newer answers (409 stale_revision carries them)", async () => {
    const submissionId = randomUUID();
    const save = (answers: object, revision?: number, partial = true) =>
      post("jilin-try", {
        submissionId,
        locale: "zh",
        answers,
        partial: partial || undefined,
        revision,
        startedAt: tenMinutesAgo(),
      });
    // The phone saves twice; the laptop opens the resume link (revision 2) and saves newer answers.
    expect(await save({ region: "siping" }, 0)).toMatchObject({
      status: 201,
      body: { status: "partial", revision: 1 },
    });
    expect(await save({ region: "siping", employees: 8 }, 1)).toMatchObject({ status: 200, body: { revision: 2 } });
    const onLaptop = await get(getResume, { slug: "jilin-try", submissionId });
    expect(onLaptop.body).toMatchObject({
      status: "partial",
      revision: 2,
      answers: { region: "siping", employees: 8 },
    });
    const newer = { region: "jilin", employees: 30, industry: "services" };
    expect(await save(newer, 2)).toMatchObject({ status: 200, body: { revision: 3 } });

    // The phone's copy, still based on revision 2, is refused and told what the server holds.
    const stale = await save({ region: "siping", employees: 9 }, 2);
    expect(stale).toMatchObject({ status: 409, body: { error: "stale_revision", revision: 3, answers: newer } });
    expect(stale.body.message).toMatch(/revision 3/);
    // So is a final submission based on it; nothing is stored either time.
    expect(await save({ ...JILIN_ANSWERS, region: "siping" }, 2, false)).toMatchObject({
      status: 409,
      body: { error: "stale_revision", revision: 3 },
    });
    const stored = await db.response.findFirstOrThrow({ where: { submissionId } });
    expect(stored).toMatchObject({ status: "partial", revision: 3, answers: newer });
    expect(Date.now() - stored.startedAt.getTime()).toBeGreaterThanOrEqual(599_000);

    // A retried save with the stored answers is no conflict (its first reply was lost), and after
    // loading revision 3 the phone saves and submits normally.
    expect(await save(newer, 2)).toMatchObject({ status: 200, body: { revision: 4 } });
    const done = await save({ ...JILIN_ANSWERS, ...newer }, 4, false);
    expect(done).toMatchObject({ status: 201, body: { status: "complete", revision: 5 } });
    expect(await db.answer.count({ where: { responseId: done.body.id } })).toBeGreaterThan(0);
  });

  it("keeps the last save when a client sends no revision (API clients that do not track them)", async () => {
    const submissionId = randomUUID();
    await post("jilin-try", { submissionId, locale: "zh", answers: { region: "siping" }, partial: true, revision: 0 });
    const plain = await post("jilin-try", { submissionId, locale: "zh", answers: { region: "jilin" }, partial: true });
    expect(plain).toMatchObject({ status: 200, body: { revision: 2 } });
    expect(await db.response.findFirstOrThrow({ where: { submissionId } })).toMatchObject({
      answers: { region: "jilin" },
    });
    expect(
      (await post("jilin-try", { submissionId, locale: "zh", answers: {}, partial: true, revision: -1 })).status,
    ).toBe(422);
  });

  it("accepts a partial save with required questions empty but still refuses malformed answers", async () => {
    const bad = await post("jilin-try", {
      submissionId: randomUUID(),
      locale: "en",
      answers: { employees: -3 },
      partial: true,
    });
    expect(bad).toMatchObject({ status: 422 });
    expect(bad.body.issues).toEqual([
      { path: ["answers", "employees"], code: "too_small", message: "Enter a number of at least 1." },
    ]);
  });
});

describe("screening, logic and quotas", () => {
  it("screens a second response from the same firm as a duplicate", async () => {
    const answers = { ...JILIN_ANSWERS, firm_id: "91220101MA0DUP0001" };
    const one = await post("jilin-try", {
      submissionId: randomUUID(),
      locale: "zh",
      answers,
      startedAt: tenMinutesAgo(),
    });
    const two = await post("jilin-try", {
      submissionId: randomUUID(),
      locale: "zh",
      answers: { ...answers, firm_id: "91220101ma0dup0001 " },
      startedAt: tenMinutesAgo(),
    });
    const [a, b] = await Promise.all(
      [one, two].map((r) => db.response.findUniqueOrThrow({ where: { id: r.body.id } })),
    );
    expect(a).toMatchObject({ screenedRule: null, firmIdentifier: "91220101MA0DUP0001" });
    expect(b).toMatchObject({ screenedRule: "duplicate_firm", firmIdentifier: "91220101MA0DUP0001" });
  });

  it("drops answers to questions hidden by showIf and stores rows for every question type", async () => {
    const answers = {
      exporter: "no",
      markets: ["eu"],
      staff: 40,
      top: ["talent", "funding"],
      severity: 4,
      grid: { talent: 3, policy: 1 },
      comment: "好",
    };
    const res = await post("all-types", { submissionId: randomUUID(), locale: "zh", answers });
    expect(res.status).toBe(201);
    const stored = await db.response.findUniqueOrThrow({ where: { id: res.body.id }, include: { answerRows: true } });
    expect(stored.answers).not.toHaveProperty("markets");
    expect(stored.answerRows.some((r) => r.questionCode === "markets")).toBe(false);
    // grid rates talent 3 (threshold 3), severity 5 and top ranks both: policy (0) and markets are not flagged.
    expect(await flaggedFactors(db, stored.id)).toEqual(["funding", "talent"]);
  });

  it("enforces a quota in the insert's transaction (409 quota_full) and stores nothing past it", async () => {
    const body = () => ({
      submissionId: randomUUID(),
      locale: "zh",
      answers: JILIN_ANSWERS,
      startedAt: tenMinutesAgo(),
    });
    const results = await Promise.all([
      post("quota-test", body()),
      post("quota-test", body()),
      post("quota-test", body()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({
      error: "quota_full",
      quota: { question: "region", option: "changchun" },
    });
    expect(await db.response.count({ where: { survey: { slug: "quota-test" } } })).toBe(1);
    expect((await post("quota-test", { ...body(), answers: { ...JILIN_ANSWERS, region: "jilin" } })).status).toBe(201);
  });
});

describe("invitation tokens", () => {
  it("requires a token on an invitation-only survey and refuses unknown ones (403)", async () => {
    const body = { submissionId: randomUUID(), locale: "zh", answers: JILIN_ANSWERS };
    expect(await post("invited", body)).toMatchObject({ status: 403, body: { error: "token_required" } });
    expect(await post("invited", { ...body, token: "made-up" })).toMatchObject({
      status: 403,
      body: { error: "token_invalid" },
    });
    expect(await post("jilin-try", { ...body, token: tokens[0] })).toMatchObject({
      status: 403,
      body: { error: "token_invalid" },
    });
    expect(await responsesOf("invited")).toHaveLength(0);
  });

  it("consumes a token once, atomically, and takes the firm from the invitation", async () => {
    const token = tokens[1];
    const body = () => ({
      submissionId: randomUUID(),
      locale: "zh",
      answers: JILIN_ANSWERS,
      token,
      startedAt: tenMinutesAgo(),
    });
    const results = await Promise.all([post("invited", body()), post("invited", body()), post("invited", body())]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
    expect(results.filter((r) => r.status === 403).every((r) => r.body.error === "token_used")).toBe(true);
    const invitation = await db.invitationToken.findFirstOrThrow({
      where: { firmName: "Firm 2" },
      include: { response: true },
    });
    expect(invitation.usedAt).not.toBeNull();
    expect(invitation.response).toMatchObject({ status: "complete", firmIdentifier: "91220101MA0INV001" });
    expect(await responsesOf("invited")).toHaveLength(1);
  });

  it("links a partial save to its token so the invitation resumes it, until it is submitted", async () => {
    const token = tokens[2];
    const submissionId = randomUUID();
    expect(
      (await post("invited", { submissionId, locale: "zh", answers: { region: "yanji" }, partial: true, token }))
        .status,
    ).toBe(201);
    const invitation = await db.invitationToken.findFirstOrThrow({
      where: { firmName: "Firm 3" },
      include: { response: true },
    });
    expect(invitation).toMatchObject({ usedAt: null, response: { status: "partial", submissionId } });
    expect(
      (await post("invited", { submissionId, locale: "zh", answers: JILIN_ANSWERS, token, startedAt: tenMinutesAgo() }))
        .status,
    ).toBe(201);
    expect(
      await post("invited", {
        submissionId: randomUUID(),
        locale: "zh",
        answers: { region: "yanji" },
        partial: true,
        token,
      }),
    ).toMatchObject({ status: 403, body: { error: "token_used" } });
  });
});
