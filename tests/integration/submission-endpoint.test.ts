// POST /api/v1/surveys/{slug}/responses as the app server answers it beside Next.js
// (lib/responses/submission-endpoint.ts, ADR 029), over a real socket: the answers, the headers
// every API answer carries, the size limit without reading a huge body, clients that go away, and
// the client address the rate limit counts against.
import "@/scripts/peer-address.mjs";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { answerSubmission, submissionSlugOf } from "@/lib/responses/submission-endpoint";
import { seedDemo } from "@/prisma/seed";
import { createSurvey, JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

const SLUG = "endpoint-test";
let server: http.Server;
let port: number;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  await createSurvey(db, { slug: SLUG, definition: jilinSmallMicroTemplate, collectors: ["link"] });
  server = http.createServer((req, res) => {
    const slug = submissionSlugOf(req);
    // In the app server every other request goes to Next.js.
    if (slug === null) return void res.writeHead(404).end("next");
    void answerSubmission(req, res, slug);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => (server ? server.close(r) : r(undefined))));

type Sent = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on its own connection; `chunks` are written one by one (no Content-Length unless given). */
function send(opts: { chunks: string[]; headers?: Record<string, string>; path?: string }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: opts.path ?? `/api/v1/surveys/${SLUG}/responses`,
        headers: { "content-type": "application/json", ...opts.headers },
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    for (const chunk of opts.chunks) req.write(chunk);
    req.end();
  });
}

const submission = (submissionId = randomUUID(), answers: Record<string, unknown> = JILIN_ANSWERS) =>
  JSON.stringify({
    submissionId,
    locale: "en",
    answers: { ...answers, firm_id: `91220101MA${submissionId.slice(0, 8).toUpperCase()}` },
    startedAt: new Date(Date.now() - 600_000).toISOString(),
  });

const storedWith = (submissionId: string) => db.response.count({ where: { submissionId } });

describe("the submission endpoint beside Next.js", () => {
  it("stores a submission and answers 201 with the API's security headers; a resend answers 200 with the same id", async () => {
    const id = randomUUID();
    const first = await send({ chunks: [submission(id)] });
    expect(first.status).toBe(201);
    expect(JSON.parse(first.body)).toMatchObject({ submissionId: id, status: "complete", revision: 1 });
    expect(first.headers).toMatchObject({
      "content-type": "application/json",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(first.headers["strict-transport-security"]).toBeUndefined();
    expect(Number(first.headers["content-length"])).toBe(Buffer.byteLength(first.body));

    const again = await send({ chunks: [submission(id)], headers: { "x-forwarded-proto": "https" } });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body).id).toBe(JSON.parse(first.body).id);
    expect(again.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(await storedWith(id)).toBe(1);
  });

  // Messages with arguments need next-intl's formatter of compiled messages, as inside Next.js
  // (scripts/lib/module-aliases.mjs).
  it("words answer issues in the submission's language, arguments included", async () => {
    const answers: Record<string, unknown> = { ...JILIN_ANSWERS, region: "atlantis" };
    delete answers.employees;
    const refused = await send({ chunks: [submission(randomUUID(), answers)] });
    expect(refused.status).toBe(422);
    const body = JSON.parse(refused.body);
    expect(body.error).toBe("validation_failed");
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ["answers", "employees"], message: "Please answer this question." }),
        expect.objectContaining({
          path: ["answers", "region"],
          code: "unknown_option",
          message: "“atlantis” is not one of the options.",
        }),
      ]),
    );
  });

  it("refuses a body over 64 KiB as it arrives, stores nothing and closes the connection", async () => {
    const id = randomUUID();
    const padding = "x".repeat(16 * 1024);
    // Chunked, without a Content-Length: the server can only count what it reads.
    const chunks = [submission(id).slice(0, -1), ...Array.from({ length: 6 }, () => `,"p":"${padding}"`), "}"];
    const refused = await send({ chunks });
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: "payload_too_large" });
    expect(refused.headers.connection).toBe("close");
    expect(await storedWith(id)).toBe(0);
  });

  it("answers 413 at once when Content-Length announces too much, without waiting for the body", async () => {
    const refused = await new Promise<Sent>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `/api/v1/surveys/${SLUG}/responses`,
          headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
          agent: false,
        },
        (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        },
      );
      req.on("error", reject);
      // Only the beginning of the announced 50 MB is ever sent.
      req.write("{");
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe("close");
  });

  it("stores nothing when the client goes away mid-body, and keeps serving", async () => {
    const id = randomUUID();
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: "127.0.0.1",
        port,
        method: "POST",
        path: `/api/v1/surveys/${SLUG}/responses`,
        headers: { "content-type": "application/json", "content-length": "5000" },
        agent: false,
      });
      req.on("error", () => resolve());
      req.write(submission(id).slice(0, 40), () => setTimeout(() => req.destroy(), 50));
      req.on("close", () => resolve());
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedWith(id)).toBe(0);
    expect((await send({ chunks: [submission()] })).status).toBe(201);
  });

  it("counts requests against the socket's address, not one the client wrote into X-Forwarded-For", async () => {
    await send({ chunks: ["{bad json"], headers: { "x-forwarded-for": "203.0.113.9" } });
    const keys = (await db.rateLimitBucket.findMany({ select: { key: true } })).map((b) => b.key);
    expect(keys).toContain("responses:127.0.0.1");
    expect(keys).not.toContain("responses:203.0.113.9");
  });

  it("takes only POSTs to a survey's responses; everything else is Next's", () => {
    const slugOf = (method: string, url: string) => submissionSlugOf({ method, url });
    expect(slugOf("POST", "/api/v1/surveys/jilin-try/responses")).toBe("jilin-try");
    expect(slugOf("POST", "/api/v1/surveys/jilin-try/responses?x=1")).toBe("jilin-try");
    expect(slugOf("POST", "/api/v1/surveys/%E5%90%89%E6%9E%97/responses")).toBe("吉林");
    expect(slugOf("GET", "/api/v1/surveys/jilin-try/responses")).toBeNull();
    expect(slugOf("POST", "/api/v1/surveys/jilin-try/responses/")).toBeNull();
    expect(slugOf("POST", "/api/v1/surveys/jilin-try/responses/extra")).toBeNull();
    expect(slugOf("POST", "/api/v1/surveys/a/b/responses")).toBeNull();
    expect(slugOf("POST", "/api/v1/surveys/%E0%A4%A/responses")).toBeNull();
  });
});
