// Requests that once got a 500, an empty body or a silent drop (issue 13, defects 1, 4, 5, 6):
// each now gets a JSON 4xx that names the problem, and nothing is stored.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { MAX_SUBMISSION_BYTES } from "@/lib/responses/submission-schema";
import { seedDemo } from "@/prisma/seed";
import { createRespondentSurveys, JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

// Anonymous callers (routes run outside a Next request here, where cookies and headers are unknown).
vi.mock("@/lib/auth/actor", async (original) => ({
  ...(await original<typeof import("@/lib/auth/actor")>()),
  getActor: async () => null,
}));
vi.mock("@/lib/i18n/request", async (original) => ({
  ...(await original<typeof import("@/lib/i18n/request")>()),
  resolveLocale: async () => "en",
}));

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;
let responsesRoute: RouteModule;
let resumeRoute: RouteModule;
let attentionRoute: RouteModule;
let compositionRoute: RouteModule;
let compareRoute: RouteModule;
let unknownRoute: RouteModule;
let db: Db;
let ip = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 2);
  await createRespondentSurveys(db);
  responsesRoute = (await import("@/app/api/v1/surveys/[slug]/responses/route")) as unknown as RouteModule;
  resumeRoute = (await import("@/app/api/v1/surveys/[slug]/responses/[submissionId]/route")) as unknown as RouteModule;
  attentionRoute = (await import("@/app/api/v1/surveys/[slug]/results/attention/route")) as unknown as RouteModule;
  compositionRoute = (await import("@/app/api/v1/surveys/[slug]/results/composition/route")) as unknown as RouteModule;
  compareRoute = (await import("@/app/api/v1/surveys/[slug]/results/compare/route")) as unknown as RouteModule;
  unknownRoute = (await import("@/app/api/v1/[...path]/route")) as unknown as RouteModule;
  return () => db.$disconnect();
});

const call = async (handler: Handler | undefined, request: Request, params: Record<string, string>) => {
  expect(handler, `${request.method} is handled`).toBeTypeOf("function");
  const res = await handler!(request, { params: Promise.resolve(params) });
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  return { status: res.status, body: await res.json(), headers: res.headers };
};

function submissionRequest(body: BodyInit, extraHeaders: Record<string, string> = {}) {
  return new Request("http://test/api/v1/surveys/jilin-try/responses", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": `10.13.0.${++ip}`, ...extraHeaders },
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}
const submit = (slug: string, body: unknown) =>
  call(responsesRoute.POST, submissionRequest(JSON.stringify(body)), { slug });
const storedCount = () => db.response.count();

describe("request bodies are read only up to their limit (defect 1)", () => {
  it("stops reading a chunked body without Content-Length at 64 KiB and answers 413", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    // 200 MiB if read to the end; the reader must give up after the limit.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await call(responsesRoute.POST, submissionRequest(body), { slug: "jilin-try" });
    expect(res).toMatchObject({ status: 413, body: { error: "payload_too_large" } });
    expect(pulled).toBeLessThan(MAX_SUBMISSION_BYTES + 4 * chunk.byteLength);
  });
});

describe("inputs that gave 500 get 422 or 404 naming the problem (defect 4)", () => {
  it("refuses NUL characters and lone surrogates in text answers, naming the answer", async () => {
    const before = await storedCount();
    for (const comment of ["a\u0000b", "\ud800", "x\udc00"]) {
      const res = await submit("all-types", {
        submissionId: randomUUID(),
        locale: "en",
        partial: true,
        answers: { comment },
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe("validation_failed");
      expect(res.body.issues[0].path).toEqual(["answers", "comment"]);
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses a startedAt in year 0 or in the future, naming startedAt", async () => {
    for (const startedAt of ["0000-01-01T00:00:00Z", "9999-12-31T00:00:00Z"]) {
      const res = await submit("jilin-try", {
        submissionId: randomUUID(),
        locale: "en",
        answers: JILIN_ANSWERS,
        startedAt,
      });
      expect(res).toMatchObject({ status: 422, body: { error: "validation_failed" } });
      expect(res.body.issues[0].path).toEqual(["startedAt"]);
    }
  });

  it("answers 404 for resume ids that are 36 characters but not UUIDs", async () => {
    for (const submissionId of ["0".repeat(36), "f".repeat(36), "-".repeat(36)]) {
      const res = await call(resumeRoute.GET, new Request("http://test/"), { slug: "jilin-try", submissionId });
      expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
    }
  });

  it("refuses results dates in year 0 with 422 naming the parameter", async () => {
    const url = "http://test/api/v1/surveys/jilin-2017/results/x?level=macro&from=0000-01-01";
    for (const route of [attentionRoute, compositionRoute, compareRoute]) {
      const res = await call(route.GET, new Request(url), { slug: "jilin-2017" });
      expect(res).toMatchObject({ status: 422, body: { error: "validation_failed", issues: [{ path: ["from"] }] } });
    }
  });
});

describe("answers of the wrong kind are refused, not dropped (defect 5)", () => {
  it('refuses an answers key "__proto__" by name', async () => {
    const before = await storedCount();
    const raw = `{"submissionId":"${randomUUID()}","locale":"en","answers":{"__proto__":"x","region":"changchun"}}`;
    const res = await call(responsesRoute.POST, submissionRequest(raw), { slug: "jilin-try" });
    expect(res).toMatchObject({ status: 422, body: { error: "validation_failed" } });
    expect(res.body.issues[0].path).toEqual(["answers", "__proto__"]);
    expect(await storedCount()).toBe(before);
  });

  it("refuses true, false, {} and [] as a text answer", async () => {
    const before = await storedCount();
    for (const comment of [true, false, {}, []]) {
      const res = await submit("all-types", {
        submissionId: randomUUID(),
        locale: "en",
        partial: true,
        answers: { comment },
      });
      expect(res.status, JSON.stringify(comment)).toBe(422);
      expect(res.body.issues).toEqual([expect.objectContaining({ path: ["answers", "comment"] })]);
    }
    expect(await storedCount()).toBe(before);
  });

  it("refuses employees: 1e308 as too large", async () => {
    const res = await submit("jilin-try", {
      submissionId: randomUUID(),
      locale: "en",
      answers: { ...JILIN_ANSWERS, employees: 1e308 },
    });
    expect(res.status).toBe(422);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: ["answers", "employees"] })]);
  });
});

describe("every API answer is JSON (defect 6)", () => {
  it("answers 405 in JSON, with Allow, for methods a route does not take", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const res = await call(resumeRoute[method], new Request("http://test/", { method }), {
        slug: "jilin-try",
        submissionId: randomUUID(),
      });
      expect(res).toMatchObject({ status: 405, body: { error: "method_not_allowed" } });
      expect(res.headers.get("allow")).toBe("GET");
    }
    const put = await call(responsesRoute.PUT, new Request("http://test/", { method: "PUT" }), { slug: "jilin-try" });
    expect(put).toMatchObject({ status: 405, body: { error: "method_not_allowed" } });
    expect(put.headers.get("allow")).toBe("POST, GET");
  });

  it("answers unknown /api/v1 addresses with a JSON 404", async () => {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const res = await call(unknownRoute[method], new Request("http://test/api/v1/nothing", { method }), {
        path: "nothing",
      });
      expect(res).toMatchObject({ status: 404, body: { error: "not_found" } });
    }
  });
});
