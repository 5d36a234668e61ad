// The app's database client pointed at a server that is down (connection refused) or stalled
// (accepts the connection, then never answers, like a stopped process): the public API and
// /api/health answer 503 {error: "unavailable"} with Retry-After, quickly (issue 13, defect 2).
import net from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let getSurvey: Handler;
let postResponse: Handler;
let getHealth: () => Promise<Response>;
const stalled = net.createServer(() => {});
const sockets = new Set<net.Socket>();
stalled.on("connection", (s) => sockets.add(s));

async function loadRoutesAgainst(url: string) {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = url;
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "500";
  getSurvey = (await import("@/app/api/v1/surveys/[slug]/route")).GET as Handler;
  postResponse = (await import("@/app/api/v1/surveys/[slug]/responses/route")).POST as Handler;
  getHealth = (await import("@/app/api/health/route")).GET as () => Promise<Response>;
}

beforeAll(() => new Promise<void>((resolve) => stalled.listen(0, "127.0.0.1", resolve)));
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => stalled.close(r));
});

async function expectUnavailable(res: Response) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(await res.json()).toMatchObject({ error: "unavailable", message: expect.stringMatching(/database/) });
}

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const submission = () =>
  new Request("http://test/api/v1/surveys/jilin-try/responses", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.2.0.1" },
    body: JSON.stringify({ submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS }),
  });

describe.each([
  ["down (connection refused)", () => "postgresql://postgres@127.0.0.1:1/none"],
  ["stalled (never answers)", () => `postgresql://postgres@127.0.0.1:${(stalled.address() as net.AddressInfo).port}/x`],
])("when the database is %s", (_name, url) => {
  beforeAll(() => loadRoutesAgainst(url()));

  it("GET /api/v1/surveys/{slug} and POST …/responses answer 503 with Retry-After", async () => {
    const started = Date.now();
    await expectUnavailable(await getSurvey(new Request("http://test/"), params("jilin-try")));
    await expectUnavailable(await postResponse(submission(), params("jilin-try")));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("/api/health answers 503 with Retry-After within the connection timeout", async () => {
    const started = Date.now();
    await expectUnavailable(await getHealth());
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
