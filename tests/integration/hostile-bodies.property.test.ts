// Property-based tests (fast-check) of the respondent endpoints (issue 13, "Also"): random,
// malformed and hostile bodies for complete submissions and partial saves always get a JSON 4xx
// that names the problem, and nothing is stored.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { seedDemo } from "@/prisma/seed";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let postResponse: Handler;
let db: Db;
let ip = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 2);
  postResponse = (await import("@/app/api/v1/surveys/[slug]/responses/route")).POST as Handler;
  return () => db.$disconnect();
});

const JILIN_CODES = Object.keys(JILIN_ANSWERS);

/** Values no question takes as they are, and text no database column can hold. */
const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(true, false, {}, [], null, 1e308, -1e308, "a\u0000b", "\ud800", "=HYPERLINK(1)", "x".repeat(6000)),
  fc.string({ unit: "binary" }),
);
/** Answers with at least one key that is no question of the survey, plus random hostile values. */
const hostileAnswers = fc
  .tuple(
    fc.string({ minLength: 1, maxLength: 70 }).filter((k) => !JILIN_CODES.includes(k)),
    hostileValue,
    fc.dictionary(fc.oneof(fc.constantFrom(...JILIN_CODES, "__proto__", "constructor"), fc.string()), hostileValue),
  )
  .map(([unknown, value, rest]) => ({ ...rest, [unknown]: value }));

const bodies = (partial: boolean) =>
  fc.oneof(
    // Not JSON, or JSON of the wrong shape.
    fc.string({ unit: "binary" }),
    fc.json(),
    // Near-valid bodies with hostile parts.
    fc
      .record(
        {
          submissionId: fc.oneof(fc.uuid(), fc.string(), fc.constant("0".repeat(36))),
          locale: fc.oneof(fc.constantFrom("zh", "en"), hostileValue),
          // Always invalid: an unknown question code, or no object at all (an empty one would be a valid partial save).
          answers: fc.oneof(hostileAnswers, fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything())),
          partial: fc.constant(partial),
          startedAt: fc.oneof(
            fc.constant("0000-01-01T00:00:00Z"),
            fc.date().map((d) => String(d)),
            hostileValue,
          ),
          token: fc.oneof(fc.string(), hostileValue),
          revision: fc.oneof(fc.integer(), hostileValue),
        },
        { requiredKeys: ["submissionId", "locale", "answers", "partial"] },
      )
      .map((b) => JSON.stringify(b)),
  );

async function post(raw: string) {
  const res = await postResponse(
    new Request("http://test/api/v1/surveys/jilin-try/responses", {
      method: "POST",
      body: raw,
      headers: { "content-type": "application/json", "x-forwarded-for": `10.77.${++ip >> 8}.${ip & 255}` },
    }),
    { params: Promise.resolve({ slug: "jilin-try" }) },
  );
  return { status: res.status, type: res.headers.get("content-type"), body: await res.json() };
}

describe.each([
  ["complete submissions", false],
  ["partial saves", true],
])("%s", (_name, partial) => {
  it("answer every random or hostile body with a JSON 4xx naming the problem, and store nothing", async () => {
    const before = await db.response.count();
    await fc.assert(
      fc.asyncProperty(bodies(partial), async (raw) => {
        const res = await post(raw);
        expect(res.type).toMatch(/application\/json/);
        expect([400, 413, 422]).toContain(res.status);
        expect(res.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        if (res.status === 422) {
          expect(res.body.issues.length).toBeGreaterThan(0);
          for (const issue of res.body.issues)
            expect(issue).toMatchObject({ path: expect.any(Array), message: expect.any(String) });
        }
      }),
      { numRuns: 150 },
    );
    expect(await db.response.count()).toBe(before);
  });
});
