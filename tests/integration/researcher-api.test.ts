// The researcher API of issue 12 scripted end to end against a real PostgreSQL with API tokens,
// calling the route handlers themselves: import a questionnaire, publish, create a survey, invite
// firms, collect their answers, read the responses page by page with filters, screen and restore
// one, change the settings, close the survey. Every JSON answer (success or error) is checked
// against the schema /api/v1/openapi.json documents for its endpoint and status.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { startJobWorker, stopDataJobs } from "@/lib/jobs/job-worker";
import { PAPER_SURVEY_SLUG, TRY_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { openApiAnswers } from "@/tests/fixtures/openapi-answers";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;
type Method = keyof RouteModule;

/** Each documented path, with the module that serves it. */
const ROUTES: Record<string, () => Promise<unknown>> = {
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/v1/questionnaires": () => import("@/app/api/v1/questionnaires/route"),
  "/api/v1/questionnaires/{id}": () => import("@/app/api/v1/questionnaires/[id]/route"),
  "/api/v1/questionnaires/{id}/versions": () => import("@/app/api/v1/questionnaires/[id]/versions/route"),
  "/api/v1/surveys": () => import("@/app/api/v1/surveys/route"),
  "/api/v1/surveys/{slug}": () => import("@/app/api/v1/surveys/[slug]/route"),
  "/api/v1/surveys/{slug}/settings": () => import("@/app/api/v1/surveys/[slug]/settings/route"),
  "/api/v1/surveys/{slug}/close": () => import("@/app/api/v1/surveys/[slug]/close/route"),
  "/api/v1/surveys/{slug}/collectors": () => import("@/app/api/v1/surveys/[slug]/collectors/route"),
  "/api/v1/surveys/{slug}/collectors/{collectorId}": () =>
    import("@/app/api/v1/surveys/[slug]/collectors/[collectorId]/route"),
  "/api/v1/surveys/{slug}/invitations": () => import("@/app/api/v1/surveys/[slug]/invitations/route"),
  "/api/v1/surveys/{slug}/responses": () => import("@/app/api/v1/surveys/[slug]/responses/route"),
  "/api/v1/responses/{id}": () => import("@/app/api/v1/responses/[id]/route"),
  "/api/v1/responses/{id}/screening": () => import("@/app/api/v1/responses/[id]/screening/route"),
  "/api/v1/surveys/{slug}/responses/{submissionId}": () =>
    import("@/app/api/v1/surveys/[slug]/responses/[submissionId]/route"),
  "/api/v1/surveys/{slug}/results/attention": () => import("@/app/api/v1/surveys/[slug]/results/attention/route"),
  "/api/v1/surveys/{slug}/results/composition": () => import("@/app/api/v1/surveys/[slug]/results/composition/route"),
  "/api/v1/surveys/{slug}/results/compare": () => import("@/app/api/v1/surveys/[slug]/results/compare/route"),
  "/api/health": () => import("@/app/api/health/route"),
  "/api/v1/surveys/{slug}/export": () => import("@/app/api/v1/surveys/[slug]/export/route"),
  "/api/v1/surveys/{slug}/jobs": () => import("@/app/api/v1/surveys/[slug]/jobs/route"),
  "/api/v1/jobs/{id}": () => import("@/app/api/v1/jobs/[id]/route"),
  "/api/v1/tokens": () => import("@/app/api/v1/tokens/route"),
  "/api/v1/tokens/{id}": () => import("@/app/api/v1/tokens/[id]/route"),
};

let db: Db;
let checkAnswer: ReturnType<typeof openApiAnswers> | undefined;
const tokens: Record<"researcher" | "viewer" | "rival" | "spare", string> = {} as never;
let spareTokenId: string;
let ip = 0;

/** Calls the endpoint at `template` (e.g. /api/v1/surveys/{slug}) and checks its answer against the document. */
async function api(
  method: Method,
  template: string,
  opts: { params?: Record<string, string>; query?: string; body?: unknown; token?: string | null } = {},
) {
  const params = opts.params ?? {};
  const address = template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]));
  const headers: Record<string, string> = { "x-forwarded-for": `10.12.0.${++ip % 250}` };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const handler = ((await ROUTES[template]()) as RouteModule)[method];
  expect(handler, `${method} ${template} is served`).toBeTypeOf("function");
  const res = await handler!(
    new Request(`http://test${address}${opts.query ? `?${opts.query}` : ""}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (checkAnswer) expect(checkAnswer(method, template, res.status, body)).toBeNull();
  return { status: res.status, body, headers: res.headers };
}

async function userToken(email: string, organizationSlug: string, name: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const organization = await db.organization.findUniqueOrThrow({ where: { slug: organizationSlug } });
  const created = await createApiToken({ db, userId: user.id, organizationId: organization.id, name });
  return created!;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 4);
  const rival = await db.organization.create({ data: { slug: "rival-api", name: "Rival team" } });
  await db.user.create({
    data: {
      email: "rival-api@example.org",
      name: "Rival",
      memberships: { create: { organizationId: rival.id, role: "owner" } },
    },
  });
  tokens.researcher = (await userToken("researcher@example.org", "demo", "scripts")).token;
  tokens.viewer = (await userToken("viewer@example.org", "demo", "viewer scripts")).token;
  tokens.rival = (await userToken("rival-api@example.org", "rival-api", "rival scripts")).token;
  const spare = await userToken("researcher@example.org", "demo", "spare");
  tokens.spare = spare.token;
  spareTokenId = spare.apiToken.id;
  const served = await api("GET", "/api/v1/openapi.json");
  expect(served.status).toBe(200);
  checkAnswer = openApiAnswers(served.body);
  await startJobWorker({ db });
  return async () => {
    await stopDataJobs();
    await db.$disconnect();
  };
});

describe("a survey scripted through the API (issue 12)", () => {
  const slug = "scripted-2026";
  let versionId: string;
  let invitations: { id: string; token: string; link: string; firmName: string }[];
  let invitationCollectorId: string;
  const responseIds: string[] = [];

  it("imports a questionnaire, publishes it (the answer names the version's id) and fields it", async () => {
    const jilin = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG }, include: { version: true } });
    const definition = { ...(jilin.version.definition as object), code: "scripted_jilin" };
    const imported = await api("POST", "/api/v1/questionnaires", { token: tokens.researcher, body: definition });
    expect(imported.status).toBe(201);
    const published = await api("POST", "/api/v1/questionnaires/{id}/versions", {
      token: tokens.researcher,
      params: { id: imported.body.id },
    });
    expect(published).toMatchObject({ status: 201, body: { version: 1 } });
    versionId = published.body.id;
    const questionnaire = await api("GET", "/api/v1/questionnaires/{id}", {
      token: tokens.researcher,
      params: { id: imported.body.id },
    });
    expect(questionnaire.body.versions).toEqual([expect.objectContaining({ id: versionId, number: 1, surveys: 0 })]);

    const created = await api("POST", "/api/v1/surveys", {
      token: tokens.researcher,
      body: { versionId, slug, titleEn: "Scripted survey 2026", defaultLocale: "en", smallCellThreshold: 5 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      slug,
      titleZh: "Scripted survey 2026",
      status: "open",
      smallCellThreshold: 5,
      version: { id: versionId, number: 1, questionnaireCode: "scripted_jilin" },
      counts: { delivered: 0, valid: 0, screened: 0, partial: 0 },
    });
    const again = await api("POST", "/api/v1/surveys", {
      token: tokens.researcher,
      body: { versionId, slug, titleEn: "Again", defaultLocale: "en" },
    });
    expect(again).toMatchObject({ status: 409, body: { error: "slug_taken", suggestion: `${slug}-2` } });
    const listed = await api("GET", "/api/v1/surveys", { token: tokens.researcher });
    expect(listed.body.surveys.map((s: { slug: string }) => s.slug)).toEqual(
      expect.arrayContaining([slug, PAPER_SURVEY_SLUG]),
    );
  });

  it("creates an invitation list whose tokens and links are answered once, and refuses a bad one by row", async () => {
    const bad = await api("POST", "/api/v1/surveys/{slug}/invitations", {
      token: tokens.researcher,
      params: { slug },
      body: {
        name: "Bad",
        invitations: [
          { firmName: "A", firmIdentifier: "X1" },
          { firmName: " ", firmIdentifier: "X1" },
        ],
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toEqual([
      { path: ["invitations", 1, "firmName"], message: "Line 2: the firm name is missing." },
      {
        path: ["invitations", 1, "firmIdentifier"],
        message: "Line 2: this firm identifier already appears on an earlier line.",
      },
    ]);
    const created = await api("POST", "/api/v1/surveys/{slug}/invitations", {
      token: tokens.researcher,
      params: { slug },
      body: {
        name: "Changchun mail-out",
        invitations: [
          { firmName: "Changchun Optics", contact: "li@example.cn", firmIdentifier: "91220101A" },
          { firmName: "Jilin Foods", firmIdentifier: "91220201B" },
          { firmName: "Yanbian Textiles" },
        ],
      },
    });
    expect(created.status).toBe(201);
    invitations = created.body.invitations;
    invitationCollectorId = created.body.collectorId;
    expect(invitations).toHaveLength(3);
    expect(invitations[0].link).toMatch(new RegExp(`/s/${slug}\\?token=inv_`));
    const stored = await db.invitationToken.findMany({ where: { collectorId: invitationCollectorId } });
    expect(stored.map((s) => s.tokenHash)).not.toContain(invitations[0].token);
    expect(await db.auditEvent.count({ where: { action: "collector.created", targetId: invitationCollectorId } })).toBe(
      1,
    );
  });

  it("collects answers from invited firms and the open link", async () => {
    const answers = [
      { token: invitations[0].token, answers: { ...JILIN_ANSWERS, firm_id: undefined } },
      { token: invitations[1].token, answers: { ...JILIN_ANSWERS, region: "jilin" } },
      { answers: { ...JILIN_ANSWERS, employees: 5 } },
    ];
    for (const a of answers) {
      const res = await api("POST", "/api/v1/surveys/{slug}/responses", {
        params: { slug },
        body: {
          submissionId: randomUUID(),
          locale: "en",
          answers: JSON.parse(JSON.stringify(a.answers)),
          ...(a.token ? { token: a.token } : {}),
          startedAt: new Date(Date.now() - 600_000).toISOString(),
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      responseIds.push(res.body.id);
    }
    const collectors = await api("GET", "/api/v1/surveys/{slug}/collectors", {
      token: tokens.researcher,
      params: { slug },
    });
    expect(collectors.body.collectors).toEqual([
      expect.objectContaining({ kind: "link", responses: 1, closedAt: null }),
      expect.objectContaining({
        id: invitationCollectorId,
        kind: "invitation",
        responses: 2,
        invitations: 3,
        invitationsUsed: 2,
      }),
    ]);
    const listed = await api("GET", "/api/v1/surveys/{slug}/invitations", {
      token: tokens.researcher,
      params: { slug },
      query: `collector=${invitationCollectorId}&limit=2`,
    });
    expect(listed.body.items).toHaveLength(2);
    const rest = await api("GET", "/api/v1/surveys/{slug}/invitations", {
      token: tokens.researcher,
      params: { slug },
      query: `collector=${invitationCollectorId}&limit=2&cursor=${listed.body.nextCursor}`,
    });
    expect(rest.body).toMatchObject({ nextCursor: null });
    const all = [...listed.body.items, ...rest.body.items];
    expect(all.map((i: { id: string }) => i.id).sort()).toEqual(invitations.map((i) => i.id).sort());
    expect(
      all
        .filter((i: { usedAt: string | null }) => i.usedAt)
        .map((i: { responseId: string }) => i.responseId)
        .sort(),
    ).toEqual(responseIds.slice(0, 2).sort());
  });

  it("reads the responses page by page in completion order, with every filter", async () => {
    const first = await api("GET", "/api/v1/surveys/{slug}/responses", {
      token: tokens.researcher,
      params: { slug },
      query: "limit=2",
    });
    expect(first.status).toBe(200);
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual(responseIds.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api("GET", "/api/v1/surveys/{slug}/responses", {
      token: tokens.researcher,
      params: { slug },
      query: `limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: responseIds[2] })], nextCursor: null });
    expect(first.body.items[0]).toMatchObject({
      status: "complete",
      valid: true,
      firmName: "Changchun Optics",
      firmIdentifier: "91220101A",
      collector: { id: invitationCollectorId, kind: "invitation" },
      breakdowns: { region: "changchun", size_class: "small" },
      answers: { macro_constraints: ["national_policy", "fiscal_tax_support"] },
    });

    const query = async (q: string) =>
      (
        await api("GET", "/api/v1/surveys/{slug}/responses", { token: tokens.researcher, params: { slug }, query: q })
      ).body.items.map((r: { id: string }) => r.id);
    expect(await query("region=changchun")).toEqual([responseIds[0], responseIds[2]]);
    expect(await query("region=changchun&size_class=micro")).toEqual([responseIds[2]]);
    expect(await query(`collector=${invitationCollectorId}`)).toEqual(responseIds.slice(0, 2));
    const today = new Date().toISOString().slice(0, 10);
    expect(await query(`from=${today}&to=${today}`)).toEqual(responseIds);
    expect(await query("to=2020-01-01")).toEqual([]);
    expect(await query("status=partial")).toEqual([]);
  });

  it("exports the responses as a background job and downloads the file once it is done", async () => {
    const queued = await api("GET", "/api/v1/surveys/{slug}/export", {
      token: tokens.researcher,
      params: { slug },
      query: "format=csv&values=codes&region=changchun",
    });
    expect(queued.status).toBe(202);
    expect(queued.headers.get("location")).toBe(`/api/v1/jobs/${queued.body.id}`);
    let job = queued.body;
    for (let i = 0; i < 100 && (job.status === "queued" || job.status === "running"); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await api("GET", "/api/v1/jobs/{id}", { token: tokens.researcher, params: { id: job.id } })).body;
    }
    expect(job).toMatchObject({ status: "done", progress: { done: 2, total: 2 } });
    const listed = await api("GET", "/api/v1/surveys/{slug}/jobs", { token: tokens.researcher, params: { slug } });
    expect(listed.body.jobs[0].id).toBe(job.id);
    const { GET } = await import("@/app/api/v1/jobs/[id]/file/route");
    const file = await GET(
      new Request(`http://test${job.file.url}`, { headers: { authorization: `Bearer ${tokens.researcher}` } }),
      { params: Promise.resolve({ id: job.id }) },
    );
    const rows = (await file.text()).trimEnd().split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((row) => row.split(",")[0])).toEqual([responseIds[0], responseIds[2]]);
  });

  it("refuses bad queries with the field's path", async () => {
    const bad = async (q: string) =>
      api("GET", "/api/v1/surveys/{slug}/responses", { token: tokens.researcher, params: { slug }, query: q });
    expect((await bad("limit=500")).body).toMatchObject({ error: "validation_failed", issues: [{ path: ["limit"] }] });
    expect((await bad("cursor=nonsense")).body.issues).toEqual([
      { path: ["cursor"], message: "This is not a cursor of this list." },
    ]);
    expect((await bad("status=deleted")).body.issues[0].path).toEqual(["status"]);
    expect((await bad("province=jilin")).body.issues[0]).toMatchObject({ path: ["province"] });
    expect((await bad("region=atlantis")).body.issues[0].message).toMatch(/not a value of region/);
    expect((await bad("from=2017-13-01")).status).toBe(422);
  });

  it("reads one response, screens it out with a reason and restores it, in the audit log", async () => {
    const id = responseIds[1];
    const one = await api("GET", "/api/v1/responses/{id}", { token: tokens.researcher, params: { id } });
    expect(one.body).toMatchObject({
      id,
      survey: { slug },
      versionNumber: 1,
      screening: null,
      firmName: "Jilin Foods",
    });
    const short = await api("PUT", "/api/v1/responses/{id}/screening", {
      token: tokens.researcher,
      params: { id },
      body: { reason: "no" },
    });
    expect(short.body.issues).toEqual([{ path: ["reason"], message: "Give a reason of at least 3 characters." }]);
    const screened = await api("PUT", "/api/v1/responses/{id}/screening", {
      token: tokens.researcher,
      params: { id },
      body: { reason: "Answered for a subsidiary, not the firm" },
    });
    expect(screened.body).toMatchObject({
      valid: false,
      screening: { rule: "manual", reason: "Answered for a subsidiary, not the firm" },
      screenedBy: { email: "researcher@example.org" },
    });
    const list = await api("GET", "/api/v1/surveys/{slug}/responses", {
      token: tokens.researcher,
      params: { slug },
      query: "status=screened",
    });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const restored = await api("DELETE", "/api/v1/responses/{id}/screening", {
      token: tokens.researcher,
      params: { id },
    });
    expect(restored.body).toMatchObject({ valid: true, screening: null });
    const actions = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["response.screened", "response.unscreened"]);
  });

  it("changes only the settings a PATCH names, with the form's rules, then closes the survey", async () => {
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const patched = await api("PATCH", "/api/v1/surveys/{slug}/settings", {
      token: tokens.researcher,
      params: { slug },
      body: { closesAt, publicDashboard: true, minCompletionSeconds: 120, embedOrigins: ["https://stats.example.cn"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      closesAt,
      publicDashboard: true,
      minCompletionSeconds: 120,
      embedOrigins: ["https://stats.example.cn"],
      titleEn: "Scripted survey 2026",
      smallCellThreshold: 5,
      counts: { delivered: 3, valid: 3 },
    });
    const wrong = await api("PATCH", "/api/v1/surveys/{slug}/settings", {
      token: tokens.researcher,
      params: { slug },
      body: { opensAt: closesAt, closesAt: "2026-01-01T00:00:00Z", smallCellThreshold: 0, colour: "red" },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.issues).toEqual([{ path: ["colour"], message: '"colour" is not a field of this body' }]);
    const rules = await api("PATCH", "/api/v1/surveys/{slug}/settings", {
      token: tokens.researcher,
      params: { slug },
      body: { opensAt: closesAt, closesAt: "2026-01-01T00:00:00Z", smallCellThreshold: 0 },
    });
    expect(rules.body.issues).toEqual(
      expect.arrayContaining([
        { path: ["smallCellThreshold"], message: "The number is too small." },
        { path: ["closesAt"], message: "The survey must close after it opens." },
      ]),
    );
    const unchanged = await api("GET", "/api/v1/surveys/{slug}/settings", {
      token: tokens.researcher,
      params: { slug },
    });
    expect(unchanged.body).toMatchObject({ closesAt, smallCellThreshold: 5 });

    const closed = await api("POST", "/api/v1/surveys/{slug}/close", { token: tokens.researcher, params: { slug } });
    expect(closed.body).toMatchObject({ status: "closed" });
    expect(Date.parse(closed.body.closesAt)).toBeLessThanOrEqual(Date.now());
    const late = await api("POST", "/api/v1/surveys/{slug}/responses", {
      params: { slug },
      body: { submissionId: randomUUID(), locale: "en", answers: JILIN_ANSWERS, token: invitations[2].token },
    });
    expect(late).toMatchObject({ status: 410, body: { error: "survey_closed" } });
    expect(await db.auditEvent.count({ where: { action: "survey.closed" } })).toBe(1);
    const twice = await api("POST", "/api/v1/surveys/{slug}/close", { token: tokens.researcher, params: { slug } });
    expect(twice.body.closesAt).toBe(closed.body.closesAt);
  });

  it("closes and reopens the open link", async () => {
    const { body } = await api("GET", "/api/v1/surveys/{slug}/collectors", {
      token: tokens.researcher,
      params: { slug },
    });
    const link = body.collectors.find((c: { kind: string }) => c.kind === "link");
    const closed = await api("PATCH", "/api/v1/surveys/{slug}/collectors/{collectorId}", {
      token: tokens.researcher,
      params: { slug, collectorId: link.id },
      body: { open: false },
    });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const reopened = await api("PATCH", "/api/v1/surveys/{slug}/collectors/{collectorId}", {
      token: tokens.researcher,
      params: { slug, collectorId: link.id },
      body: { open: true },
    });
    expect(reopened.body.closedAt).toBeNull();
  });
});

describe("who may do what (lib/auth/permissions.ts, inside the queries)", () => {
  it("answers 401 without a token and for a revoked one", async () => {
    expect((await api("GET", "/api/v1/surveys", {})).status).toBe(401);
    expect((await api("GET", "/api/v1/surveys", { token: "smet_not-a-token" })).status).toBe(401);
  });

  it("lets a viewer read survey settings but not responses, invitations or changes (403 naming the permission)", async () => {
    const settings = await api("GET", "/api/v1/surveys/{slug}/settings", {
      token: tokens.viewer,
      params: { slug: PAPER_SURVEY_SLUG },
    });
    expect(settings).toMatchObject({
      status: 200,
      body: { slug: PAPER_SURVEY_SLUG, counts: { delivered: 250, valid: 226 } },
    });
    const responses = await api("GET", "/api/v1/surveys/{slug}/responses", {
      token: tokens.viewer,
      params: { slug: PAPER_SURVEY_SLUG },
    });
    expect(responses).toMatchObject({ status: 403, body: { error: "forbidden" } });
    expect(responses.body.message).toContain("responses.read");
    for (const [method, template, body] of [
      ["PATCH", "/api/v1/surveys/{slug}/settings", { publicDashboard: false }],
      ["POST", "/api/v1/surveys/{slug}/close", undefined],
      ["GET", "/api/v1/surveys/{slug}/invitations", undefined],
    ] as const)
      expect(
        (await api(method, template, { token: tokens.viewer, params: { slug: PAPER_SURVEY_SLUG }, body })).status,
      ).toBe(403);
    expect(
      (
        await api("GET", "/api/v1/surveys/{slug}/settings", {
          token: tokens.researcher,
          params: { slug: PAPER_SURVEY_SLUG },
        })
      ).body.status,
    ).toBe("closed");
  });

  it("shows another organization's surveys and responses to no one: 404, as if they did not exist", async () => {
    const demoResponse = await db.response.findFirstOrThrow({ where: { survey: { slug: PAPER_SURVEY_SLUG } } });
    expect(
      (
        await api("GET", "/api/v1/surveys/{slug}/settings", {
          token: tokens.rival,
          params: { slug: PAPER_SURVEY_SLUG },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api("GET", "/api/v1/surveys/{slug}/responses", {
          token: tokens.rival,
          params: { slug: PAPER_SURVEY_SLUG },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api("GET", "/api/v1/responses/{id}", { token: tokens.rival, params: { id: demoResponse.id } })).status,
    ).toBe(404);
    const screen = await api("PUT", "/api/v1/responses/{id}/screening", {
      token: tokens.rival,
      params: { id: demoResponse.id },
      body: { reason: "Not mine to screen" },
    });
    expect(screen.status).toBe(404);
    expect((await db.response.findUniqueOrThrow({ where: { id: demoResponse.id } })).screenedAt).toBe(
      demoResponse.screenedAt,
    );
    expect((await api("GET", "/api/v1/surveys", { token: tokens.rival })).body.surveys).toEqual([]);
    expect(
      (await api("GET", "/api/v1/responses/{id}", { token: tokens.researcher, params: { id: "not-a-uuid" } })).status,
    ).toBe(404);
  });
});

describe("API tokens for oneself", () => {
  it("lists one's own tokens without secrets, refuses minting a token with a token, and revokes at once", async () => {
    const listed = await api("GET", "/api/v1/tokens", { token: tokens.spare });
    expect(listed.body.tokens.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(["scripts", "spare"]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(tokens.spare);
    const minted = await api("POST", "/api/v1/tokens", { token: tokens.spare, body: { name: "from a token" } });
    expect(minted).toMatchObject({ status: 403, body: { error: "forbidden" } });
    const revoked = await api("DELETE", "/api/v1/tokens/{id}", { token: tokens.spare, params: { id: spareTokenId } });
    expect(revoked.status).toBe(204);
    expect((await api("GET", "/api/v1/tokens", { token: tokens.spare })).status).toBe(401);
    expect(
      (await api("DELETE", "/api/v1/tokens/{id}", { token: tokens.researcher, params: { id: spareTokenId } })).status,
    ).toBe(404);
  });
});

describe("the other documented answers match the document too", () => {
  it("the respondent endpoints: the public survey, a partial save and its resume state", async () => {
    const survey = await api("GET", "/api/v1/surveys/{slug}", { params: { slug: TRY_SURVEY_SLUG } });
    expect(survey.body).toMatchObject({ slug: TRY_SURVEY_SLUG, requiresToken: false });
    const submissionId = randomUUID();
    const saved = await api("POST", "/api/v1/surveys/{slug}/responses", {
      params: { slug: TRY_SURVEY_SLUG },
      body: { submissionId, locale: "zh", partial: true, answers: { region: "changchun" } },
    });
    expect(saved.body).toMatchObject({ status: "partial", revision: 1 });
    const resumed = await api("GET", "/api/v1/surveys/{slug}/responses/{submissionId}", {
      params: { slug: TRY_SURVEY_SLUG, submissionId },
    });
    expect(resumed.body).toMatchObject({ status: "partial", answers: { region: "changchun" } });
  });

  it("the results endpoints, for a member's token and the public, and the health check", async () => {
    const params = { slug: PAPER_SURVEY_SLUG };
    const attention = await api("GET", "/api/v1/surveys/{slug}/results/attention", {
      token: tokens.viewer,
      params,
      query: "level=macro&locale=en&region=changchun",
    });
    expect(attention.body).toMatchObject({ level: "macro", suppressed: false });
    expect(attention.body.factors.length).toBeGreaterThan(2);
    const composition = await api("GET", "/api/v1/surveys/{slug}/results/composition", {
      token: tokens.researcher,
      params,
      query: "locale=en",
    });
    expect(composition.body.totals).toMatchObject({ delivered: 250, valid: 226 });
    const compared = await api("GET", "/api/v1/surveys/{slug}/results/compare", {
      token: tokens.researcher,
      params,
      query: "level=middle&locale=en&compare_by=size_class&group_a=micro&group_b=small",
    });
    expect(compared.body.factors.length).toBeGreaterThan(2);
    const anonymous = await api("GET", "/api/v1/surveys/{slug}/results/attention", {
      params,
      query: "level=micro&locale=zh",
    });
    expect([200, 404]).toContain(anonymous.status);
    expect((await api("GET", "/api/health")).body).toMatchObject({ status: "ok" });
  });
});
