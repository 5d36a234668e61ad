// Faults from issue 13 (Hardening) against the production build: every API answer is JSON,
// hostile input gets a 4xx naming the problem, sign-in redirects stay on the site, server actions
// from other sites are refused, ended sessions stay ended, the form never submits by GET, and
// every page carries the security headers.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { createDbClient } from "@/lib/db/create-client";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";

const ZEROS = "0".repeat(36);

test.describe("the HTTP API answers in JSON", () => {
  test("unknown /api/v1 addresses are a JSON 404, methods a route does not take a JSON 405", async ({ request }) => {
    for (const [method, path] of [
      ["GET", "/api/v1/nothing-here"],
      ["POST", "/api/v1/surveys/jilin-2017/nothing"],
    ]) {
      const res = await request.fetch(path, { method });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(await res.json()).toMatchObject({ error: "not_found" });
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await request.fetch(`/api/v1/surveys/jilin-2017/responses/${crypto.randomUUID()}`, { method });
      expect(res.status(), method).toBe(405);
      expect(await res.json()).toMatchObject({ error: "method_not_allowed" });
    }
    const put = await request.put("/api/v1/surveys/jilin-2017/responses");
    expect(put.status()).toBe(405);
    expect(put.headers()["allow"]).toBe("POST, GET");
    expect(await put.json()).toMatchObject({ error: "method_not_allowed" });
    // Reading the responses is for researchers: a JSON 401 without a session or token.
    const get = await request.get("/api/v1/surveys/jilin-2017/responses");
    expect(get.status()).toBe(401);
    expect(await get.json()).toMatchObject({ error: "unauthorized" });
  });

  test("ids that are not UUIDs, huge version numbers and unstorable labels get 4xx", async ({ request }) => {
    await signInAs(request, DEMO.researcher);
    for (const id of [ZEROS, "f".repeat(36), "-".repeat(36)])
      for (const path of [`/api/v1/questionnaires/${id}`, `/api/v1/questionnaires/${id}/definition`]) {
        const res = await request.get(path);
        expect(res.status(), path).toBe(404);
        expect(await res.json()).toMatchObject({ error: "not_found" });
      }
    expect((await request.post(`/api/v1/questionnaires/${ZEROS}/versions`)).status()).toBe(404);
    const list = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires as { id: string }[];
    const huge = await request.get(`/api/v1/questionnaires/${list[0].id}/definition?version=99999999999999999999`);
    expect(huge.status()).toBe(400);
    expect(await huge.json()).toMatchObject({ error: "invalid_version" });

    const definition = await (await request.get(`/api/v1/questionnaires/${list[0].id}/definition`)).json();
    definition.code = "nul_label_test";
    definition.title = { en: "a\u0000b" };
    const imported = await request.post("/api/v1/questionnaires", { data: definition });
    expect(imported.status()).toBe(422);
    expect((await imported.json()).issues[0].path).toEqual(["title", "en"]);
  });
});

test.describe("sign-in and server actions", () => {
  test("a callbackUrl on a look-alike host or in full-width characters never leaves the site nor fails", async ({
    request,
    baseURL,
  }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", {
      form: {
        csrfToken,
        email: DEMO.viewer,
        password: "jilin-demo-2017",
        json: "true",
        callbackUrl: `${baseURL}.evil.example/`,
      },
      maxRedirects: 0,
    });
    expect(res.status()).toBeLessThan(500);
    expect(JSON.stringify(await res.json())).not.toContain("evil.example");

    const signedIn = await request.get("/sign-in?callbackUrl=/％２Ｆx", { maxRedirects: 0 });
    expect(signedIn.status()).toBe(307);
    expect(signedIn.headers()["location"]).toBe("/%EF%BC%85%EF%BC%92%EF%BC%A6x");
  });

  test("a server action sent from another site is refused with 403", async ({ request }) => {
    const res = await request.post("/organization", {
      headers: { origin: "http://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain" },
      data: "[]",
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: "cross_origin" });
  });

  test("after signing out, a copy of the old session cookie reads nothing", async ({ browser }) => {
    const context = await browser.newContext();
    await signInAs(context.request, DEMO.owner);
    const stolen = await context.storageState();
    const page = await context.newPage();
    await page.goto("/organization");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await context.close();

    const replay = await browser.newContext({ storageState: stolen });
    expect((await replay.request.get("/api/v1/questionnaires")).status()).toBe(401);
    const organization = await replay.request.get("/organization", { maxRedirects: 0 });
    expect(organization.status()).toBe(307);
    expect(organization.headers()["location"]).toMatch(/^\/sign-in/);
    expect(await (await replay.request.get("/api/auth/session")).json()).not.toHaveProperty("userId");
    await replay.close();
  });
});

test("before (or without) JavaScript, the respondent form never puts answers in the URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/s/jilin-try");
  await page.getByRole("radio", { name: "长春市" }).check();
  const submitted = page.waitForRequest((r) => r.url().includes("/s/jilin-try") && r.isNavigationRequest());
  await page.getByRole("button", { name: "下一步" }).click();
  const request = await submitted;
  expect(request.method()).toBe("POST");
  expect(request.url()).not.toContain("?");
  await context.close();
});

test.describe("security headers", () => {
  const slug = `embed-${Date.now().toString(36)}`;
  test.beforeAll(async () => {
    const db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 1);
    const jilin = await db.survey.findUniqueOrThrow({ where: { slug: "jilin-2017" } });
    await db.survey.create({
      data: {
        organizationId: jilin.organizationId,
        versionId: jilin.versionId,
        slug,
        titleZh: "嵌入测试",
        titleEn: "Embedding test",
        publicDashboard: true,
        embedOrigins: ["https://partner.example"],
      },
    });
    await db.$disconnect();
  });

  test("every kind of page and answer carries them; only survey pages may be framed, by their sites", async ({
    page,
    request,
  }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) violations.push(m.text());
    });
    const response = await page.goto("/s/jilin-try");
    await expect(page.getByRole("radio", { name: "长春市" })).toBeVisible();
    const csp = response!.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    // Next.js put the request's nonce on its inline scripts, and the page hydrated under the policy.
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    await page.getByRole("radio", { name: "长春市" }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
    expect(violations).toEqual([]);

    await signInAs(request, DEMO.owner);
    const pages: [string, string][] = [
      ["/", "'none'"],
      ["/sign-in", "'none'"],
      ["/surveys", "'none'"],
      ["/organization", "'none'"],
      ["/surveys/jilin-2017/dashboard", "'none'"],
      ["/no-such-page", "'none'"],
      [`/s/${slug}`, "https://partner.example"],
      [`/surveys/${slug}/dashboard`, "https://partner.example"],
    ];
    for (const [path, ancestors] of pages) {
      const res = await request.get(path, { maxRedirects: 0 });
      const headers = res.headers();
      expect(headers["content-security-policy"], path).toContain("'nonce-");
      expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
      expect(headers["content-security-policy"], path).toContain(`frame-ancestors ${ancestors}`);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
    // The submission endpoint, which the app server answers beside Next.js (ADR 029), as well.
    const refused = await request.post("/api/v1/surveys/jilin-try/responses", { data: { answers: {} } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).error).toBe("validation_failed");
    for (const headers of [
      ...(await Promise.all(
        ["/api/health", "/api/v1/surveys/jilin-2017", "/api/v1/nothing"].map((path) => request.get(path)),
      )),
      refused,
    ].map((res) => res.headers())) {
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get("/sign-in")).text())![1];
    expect((await request.get(script)).headers()["x-content-type-options"]).toBe("nosniff");

    // Over HTTPS (as the TLS-terminating proxy reports it), HSTS too.
    for (const path of ["/sign-in", "/api/health"]) {
      const res = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(res.headers()["strict-transport-security"], path).toMatch(/max-age=\d+/);
    }
    const overHttps = await request.post("/api/v1/surveys/jilin-try/responses", {
      data: {},
      headers: { "x-forwarded-proto": "https" },
    });
    expect(overHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  });
});

test("the import endpoint answers random and hostile bodies with a JSON 4xx naming the problem, storing nothing", async ({
  request,
}) => {
  await signInAs(request, DEMO.researcher);
  const codes = async () =>
    ((await (await request.get("/api/v1/questionnaires")).json()).questionnaires as { code: string }[]).length;
  const before = await codes();
  const list = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires as { id: string }[];
  const definition = await (await request.get(`/api/v1/questionnaires/${list[0].id}/definition`)).json();
  const hostile = fc.oneof(
    fc.anything(),
    fc.constantFrom("a\u0000b", "\ud800", { en: "\udfff" }, { zh: "=HYPERLINK(1)\u0000" }, [], {}, 1e308),
  );
  // A definition that is never valid: its code breaks the code rule, and any other part may be hostile too.
  const broken = fc
    .record({
      code: fc.string({ maxLength: 80 }).filter((c) => !/^[a-z][a-z0-9_]{0,63}$/.test(c)),
      overrides: fc.dictionary(
        fc.constantFrom("title", "sections", "factors", "locales", "format", "__proto__"),
        hostile,
      ),
    })
    .map(({ code, overrides }) => JSON.stringify({ ...definition, ...overrides, code }));
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ unit: "binary" }), fc.json(), broken, fc.constant("x".repeat(1_100_000))),
      async (raw) => {
        const res = await request.post("/api/v1/questionnaires", {
          data: Buffer.from(raw),
          headers: { "content-type": "application/json" },
        });
        expect([400, 413, 422]).toContain(res.status());
        expect(res.headers()["content-type"]).toMatch(/application\/json/);
        expect(await res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      },
    ),
    { numRuns: 40 },
  );
  expect(await codes()).toBe(before);
});
