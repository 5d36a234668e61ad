// Every route against every kind of caller, over real HTTP against the built app: anonymous, a
// viewer, a researcher and an owner of the demo organization, the owner of another organization,
// and a revoked token. Each gets exactly what its role allows; another organization's data
// answers 404 as if it did not exist. Pages are checked with session cookies, the API with tokens.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { accountFixtures, DEMO, RIVAL, signInAs } from "@/tests/fixtures/accounts";

type Caller = "anonymous" | "viewer" | "researcher" | "owner" | "rival" | "revoked";
const CALLERS: Caller[] = ["anonymous", "viewer", "researcher", "owner", "rival", "revoked"];
const SIGN_IN = 307; // a page's redirect to /sign-in

let db: Db;
let tokens: Record<Exclude<Caller, "anonymous">, string>;
const ids = { demoQuestionnaire: "", rivalQuestionnaire: "", demoResponse: "", rivalResponse: "" };

test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  tokens = (await accountFixtures(db)).tokens;
  ids.demoQuestionnaire = (
    await db.questionnaire.findFirstOrThrow({ where: { organization: { slug: "demo" }, code: "jilin_small_micro" } })
  ).id;
  ids.rivalQuestionnaire = (
    await db.questionnaire.findFirstOrThrow({ where: { organization: { slug: RIVAL.org } } })
  ).id;
  ids.demoResponse = (await db.response.findFirstOrThrow({ where: { survey: { slug: "jilin-2017" } } })).id;
});
test.afterAll(() => db.$disconnect());

/** [method, path, expected status per caller] for the HTTP API, called with Bearer tokens. */
function apiCases(): [string, string, Record<Caller, number>][] {
  const q = ids.demoQuestionnaire;
  const rq = ids.rivalQuestionnaire;
  return [
    [
      "GET",
      "/api/v1/surveys/jilin-2017/export?format=csv",
      { anonymous: 401, revoked: 401, viewer: 403, researcher: 202, owner: 202, rival: 404 },
    ],
    [
      "GET",
      "/api/v1/surveys/jilin-2017/export?format=xlsx",
      { anonymous: 401, revoked: 401, viewer: 403, researcher: 202, owner: 202, rival: 404 },
    ],
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/export`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 404, owner: 404, rival: 202 },
    ],
    [
      "GET",
      "/api/v1/surveys/no-such-survey/export",
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 404, owner: 404, rival: 404 },
    ],
    [
      "GET",
      "/api/v1/questionnaires",
      { anonymous: 401, revoked: 401, viewer: 403, researcher: 200, owner: 200, rival: 200 },
    ],
    // Designs are the researchers' work: a viewer is answered as if they did not exist, like the designer pages.
    [
      "GET",
      `/api/v1/questionnaires/${q}/definition?version=1`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 200, owner: 200, rival: 404 },
    ],
    [
      "GET",
      `/api/v1/questionnaires/${q}`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 200, owner: 200, rival: 404 },
    ],
    [
      "GET",
      `/api/v1/questionnaires/${q}/definition`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 200, owner: 200, rival: 404 },
    ],
    [
      "GET",
      `/api/v1/questionnaires/${rq}`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    // Publishing is tried only by callers who must be refused, so the demo data stays as seeded.
    [
      "POST",
      `/api/v1/questionnaires/${q}/versions`,
      { anonymous: 401, revoked: 401, viewer: 404, rival: 404 } as Record<Caller, number>,
    ],
    [
      "POST",
      `/api/v1/questionnaires/${rq}/versions`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 404, owner: 404 } as Record<Caller, number>,
    ],
    // The demo dashboard is public; the rival's is shared with nobody outside its organization.
    [
      "GET",
      "/api/v1/surveys/jilin-2017/results/attention?level=macro",
      { anonymous: 200, revoked: 200, viewer: 200, researcher: 200, owner: 200, rival: 200 },
    ],
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/results/attention?level=macro`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/results/composition`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    [
      "GET",
      "/api/v1/surveys/jilin-2017/results/compare?level=macro&compare_by=size_class&group_a=micro&group_b=small",
      { anonymous: 200, revoked: 200, viewer: 200, researcher: 200, owner: 200, rival: 200 },
    ],
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/results/paired?level=macro&a=national_policy&b=fiscal_tax_support`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    [
      "GET",
      `/api/v1/compare?surveys=jilin-2017,${RIVAL.survey}&level=macro`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    // Refusals only: a granted stream stays open.
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/results/compare?level=macro`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404 } as Record<Caller, number>,
    ],
    [
      "GET",
      `/api/v1/surveys/${RIVAL.survey}/results/stream`,
      { anonymous: 404, revoked: 404, viewer: 404, researcher: 404, owner: 404 } as Record<Caller, number>,
    ],
    [
      "GET",
      `/surveys/${RIVAL.survey}/qr`,
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    // The QR code is a fielding tool for researchers.
    [
      "GET",
      "/surveys/jilin-2017/qr",
      { anonymous: 401, revoked: 401, viewer: 404, researcher: 200, owner: 200, rival: 404 },
    ],
  ];
}

/** [path, expected status per caller] for pages, fetched with each caller's session cookie. */
function pageCases(): [string, Record<Exclude<Caller, "revoked">, number>][] {
  const q = ids.demoQuestionnaire;
  const r = ids.demoResponse;
  return [
    ["/", { anonymous: 200, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/sign-in", { anonymous: 200, viewer: SIGN_IN, researcher: SIGN_IN, owner: SIGN_IN, rival: SIGN_IN }],
    ["/organization", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/organization/audit", { anonymous: SIGN_IN, viewer: 404, researcher: 404, owner: 200, rival: 200 }],
    ["/organizations/new", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/account/tokens", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/account/password", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/account/tokens", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/account/password", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/questionnaires", { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 200 }],
    ["/questionnaires/factors", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    [`/questionnaires/${q}`, { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 }],
    [`/questionnaires/${q}/versions`, { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 }],
    [
      `/questionnaires/${ids.rivalQuestionnaire}`,
      { anonymous: SIGN_IN, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    ["/surveys", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    ["/surveys/new", { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 200 }],
    ["/surveys/jilin-2017", { anonymous: SIGN_IN, viewer: 200, researcher: 200, owner: 200, rival: 404 }],
    ["/surveys/jilin-2017/responses", { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 }],
    [
      `/surveys/jilin-2017/responses/${r}`,
      { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 },
    ],
    ["/surveys/jilin-2017/paper", { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 }],
    ["/surveys/jilin-2017/import", { anonymous: SIGN_IN, viewer: 404, researcher: 200, owner: 200, rival: 404 }],
    ["/surveys/jilin-2017/dashboard", { anonymous: 200, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
    [`/surveys/${RIVAL.survey}`, { anonymous: SIGN_IN, viewer: 404, researcher: 404, owner: 404, rival: 200 }],
    [
      `/surveys/${RIVAL.survey}/responses`,
      { anonymous: SIGN_IN, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    [`/surveys/${RIVAL.survey}/dashboard`, { anonymous: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 }],
    [
      `/compare?surveys=jilin-2017,${RIVAL.survey}&level=macro`,
      { anonymous: 404, viewer: 404, researcher: 404, owner: 404, rival: 200 },
    ],
    ["/s/jilin-2017", { anonymous: 200, viewer: 200, researcher: 200, owner: 200, rival: 200 }],
  ];
}

test("the HTTP API answers each caller by role and organization", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const got: string[] = [];
  const want: string[] = [];
  for (const [method, path, expected] of apiCases()) {
    for (const caller of CALLERS) {
      if (expected[caller] === undefined) continue;
      const headers: Record<string, string> =
        caller === "anonymous" ? {} : { Authorization: `Bearer ${tokens[caller]}` };
      const res = await api.fetch(path, { method, headers, maxRedirects: 0 });
      got.push(`${method} ${path} as ${caller}: ${res.status()}`);
      want.push(`${method} ${path} as ${caller}: ${expected[caller]}`);
      if (res.status() >= 400) {
        const body = await res.json();
        expect(Object.keys(body), `${path} as ${caller}`).toEqual(expect.arrayContaining(["error", "message"]));
        expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
      }
    }
  }
  expect(got).toEqual(want);
  await api.dispose();
});

test("pages answer each signed-in caller by role and organization", async ({ playwright, baseURL }) => {
  const sessions: Record<string, APIRequestContext> = {};
  for (const caller of CALLERS.filter((c) => c !== "revoked")) {
    sessions[caller] = await playwright.request.newContext({ baseURL });
    if (caller !== "anonymous")
      await signInAs(sessions[caller], caller === "rival" ? RIVAL.email : DEMO[caller as keyof typeof DEMO]);
  }
  const got: string[] = [];
  const want: string[] = [];
  for (const [path, expected] of pageCases()) {
    for (const [caller, status] of Object.entries(expected)) {
      const res = await sessions[caller].get(path, { maxRedirects: 0 });
      got.push(`${path} as ${caller}: ${res.status()}`);
      want.push(`${path} as ${caller}: ${status}`);
      if (status === SIGN_IN && caller === "anonymous")
        expect(res.headers().location, path).toBe(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    }
  }
  expect(got).toEqual(want);
  for (const session of Object.values(sessions)) await session.dispose();
});
