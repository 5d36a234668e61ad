// The comparisons of issue 11 through their endpoints, against a real PostgreSQL: k size classes of
// the demo survey (chi-square equal to the test on what the attention endpoint reports per group),
// two macro factors of the same firms (McNemar on counts taken from the responses table itself),
// and surveys side by side (a second wave of the same version; another questionnaire's survey).
// Members read exact figures, the public perturbed ones, a rival organization's survey is not
// found. Every answer is checked against the schema /api/v1/openapi.json documents.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import { chiSquareTest, holmAdjust, mcnemarTest, twoProportionZTest } from "@/lib/analytics/statistics";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import type { Comparison } from "@/lib/analytics/to-comparison";
import type { GroupsComparison } from "@/lib/analytics/to-groups-comparison";
import type { PairedComparison } from "@/lib/analytics/to-paired-comparison";
import type { SurveysComparison } from "@/lib/analytics/to-surveys-comparison";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { Answers } from "@/lib/questionnaire/answer-values";
import {
  DEFINITION_FORMAT,
  QuestionnaireDefinitionSchema,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { TRY_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";
import { openApiAnswers } from "@/tests/fixtures/openapi-answers";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";
import { setRecordKeys } from "@/tests/fixtures/record-keys";

type Refusal = { error: string; message: string; issues: { path: string[] }[] };
const refusal = (res: { body: unknown }) => res.body as Refusal;
type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: Record<string, () => Promise<unknown>> = {
  "/api/v1/openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "/api/v1/surveys/{slug}/results/attention": () => import("@/app/api/v1/surveys/[slug]/results/attention/route"),
  "/api/v1/surveys/{slug}/results/compare": () => import("@/app/api/v1/surveys/[slug]/results/compare/route"),
  "/api/v1/surveys/{slug}/results/paired": () => import("@/app/api/v1/surveys/[slug]/results/paired/route"),
  "/api/v1/compare": () => import("@/app/api/v1/compare/route"),
};

let db: Db;
let checkAnswer: ReturnType<typeof openApiAnswers> | undefined;
const tokens: Record<"member" | "rival", string> = {} as never;
let definition: QuestionnaireDefinition;
const WAVE_2020 = "jilin-2020";
let rivalSlug: string;
let otherSlug: string;

/** GETs `template` with `query`, as `token`'s holder (anonymous without), checked against the document. */
async function get<T>(template: string, query: string, opts: { slug?: string; token?: string } = {}) {
  const params: Record<string, string> = opts.slug ? { slug: opts.slug } : {};
  const address = template.replace("{slug}", opts.slug ?? "");
  const headers: Record<string, string> = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
  const handler = ((await ROUTES[template]()) as { GET: Handler }).GET;
  const res = await handler(new Request(`http://test${address}?${query}&locale=en`, { headers }), {
    params: Promise.resolve(params),
  });
  const body = await res.json();
  if (checkAnswer) expect(checkAnswer("GET", template, res.status, body)).toBeNull();
  return { status: res.status, body: body as T };
}
const compare = (query: string, token?: string) =>
  get<GroupsComparison>("/api/v1/surveys/{slug}/results/compare", query, { slug: TRY_SURVEY_SLUG, token });
const attention = (query: string, token?: string, slug = TRY_SURVEY_SLUG) =>
  get<AttentionResult>("/api/v1/surveys/{slug}/results/attention", query, { slug, token });
const paired = (query: string, token?: string) =>
  get<PairedComparison>("/api/v1/surveys/{slug}/results/paired", query, { slug: TRY_SURVEY_SLUG, token });
const surveys = (query: string, token?: string) => get<SurveysComparison>("/api/v1/compare", query, { token });

async function tokenOf(email: string, organizationId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return (await createApiToken({ db, userId: user.id, organizationId, name: `comparisons ${email}` }))!.token;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 4);
  const demo = await db.survey.findUniqueOrThrow({ where: { slug: TRY_SURVEY_SLUG }, include: { version: true } });
  definition = QuestionnaireDefinitionSchema.parse(demo.version.definition);
  // The demo data (copied into the try-it survey) has micro and small firms only: 16 medium-sized
  // ones make a third size class.
  for (let i = 0; i < 16; i++)
    await addResponse(db, demo, definition, {
      answers: {
        ...JILIN_ANSWERS,
        employees: 150 + i,
        macro_constraints: i % 4 === 0 ? ["national_policy", "ip_protection"] : ["ip_protection"],
        middle_constraints: i % 2 ? ["financing_channels"] : ["information_sharing", "financing_channels"],
      },
      completedAt: new Date("2017-04-02T08:00:00Z"),
    });
  // Fixed record keys: the public's noise is the same on every run.
  await setRecordKeys(db, demo.id, 20171101);
  tokens.member = await tokenOf("researcher@example.org", demo.organizationId);

  // A second wave of the same version, members only, with twelve firms.
  const wave = await db.survey.create({
    data: {
      organizationId: demo.organizationId,
      versionId: demo.versionId,
      slug: WAVE_2020,
      titleZh: "吉林 2020",
      titleEn: "Jilin 2020",
    },
  });
  for (let i = 0; i < 12; i++)
    await addResponse(db, wave, definition, {
      answers: { ...JILIN_ANSWERS, macro_constraints: i < 3 ? ["national_policy"] : ["fiscal_tax_support"] },
    });

  // Another organization's survey of the same version, not shared.
  const { org: rival, survey: rivalSurvey } = await createEngineSurvey(db, definition);
  rivalSlug = rivalSurvey.slug;
  await db.user.create({
    data: {
      email: "rival-compare@example.org",
      name: "Rival",
      memberships: { create: { organizationId: rival.id, role: "owner" } },
    },
  });
  tokens.rival = await tokenOf("rival-compare@example.org", rival.id);

  // Another questionnaire's survey with a public dashboard: one macro factor in common, one its own.
  const other = QuestionnaireDefinitionSchema.parse({
    format: DEFINITION_FORMAT,
    code: "hengyang",
    title: { en: "Hengyang" },
    locales: ["en"],
    factors: [
      { code: "national_policy", level: "macro", label: { en: "National policies (Hengyang wording)" } },
      { code: "land_supply", level: "macro", label: { en: "Land supply" } },
    ],
    sections: [
      {
        code: "s",
        title: { en: "Macro" },
        questions: [
          {
            code: "macro_q",
            type: "multi",
            label: { en: "Which concern you?" },
            options: [
              { code: "national_policy", label: { en: "National policies" }, factor: "national_policy" },
              { code: "land_supply", label: { en: "Land" }, factor: "land_supply" },
            ],
          },
        ],
      },
    ],
  });
  const { survey: hengyang } = await createEngineSurvey(db, other);
  await db.survey.update({ where: { id: hengyang.id }, data: { publicDashboard: true } });
  otherSlug = hengyang.slug;
  const answers: Answers[] = Array.from({ length: 30 }, (_, i) => ({
    macro_q: i < 24 ? ["national_policy"] : ["land_supply"],
  }));
  for (const a of answers) await addResponse(db, hengyang, other, { answers: a });

  const served = await get<unknown>("/api/v1/openapi.json", "");
  checkAnswer = openApiAnswers(served.body);
  return () => db.$disconnect();
});

describe("k groups of a breakdown", () => {
  it("compares the three size classes with chi-square on the counts the attention endpoint reports per group", async () => {
    const { status, body } = await compare("level=macro&compare_by=size_class", tokens.member);
    expect(status).toBe(200);
    expect(body.groups.map((g) => g.code)).toEqual(["micro", "small", "medium"]);
    expect(body.perturbed).toBe(false);
    const perGroup = await Promise.all(
      body.groups.map(async (g) => (await attention(`level=macro&size_class=${g.code}`, tokens.member)).body),
    );
    body.groups.forEach((g, i) => expect(g.base).toBe(perGroup[i].base));
    expect(body.groups.find((g) => g.code === "medium")!.base).toBe(16);
    const expected = body.factors.map((f) => {
      const counts = perGroup.map((r) => r.factors.find((x) => x.code === f.code)!);
      expect(f.shares.map((s) => [s!.count, s!.n])).toEqual(counts.map((c) => [c.count, c.n]));
      return chiSquareTest(counts)!;
    });
    body.factors.forEach((f, i) => {
      expect(f).toMatchObject({ test: "chi-square", df: 2 });
      expect(f.statistic).toBeCloseTo(expected[i].statistic, 10);
      expect(f.p).toBeCloseTo(expected[i].p, 12);
    });
    const holm = holmAdjust(expected.map((e) => e.p));
    body.factors.forEach((f, i) => expect(f.pHolm).toBeCloseTo(holm[i], 12));
    // Medium firms name IP protection far more often (all 16 of them): a significant difference.
    expect(body.factors.find((f) => f.code === "ip_protection")!.pHolm).toBeLessThan(0.05);

    // The same groups named, and a filter on the compared breakdown gives way to the groups.
    const named = await compare(
      "level=macro&compare_by=size_class&groups=micro,small,medium&size_class=micro",
      tokens.member,
    );
    expect(named.body.factors).toEqual(body.factors);
  });

  it("keeps the z-test for two groups, and the two-group answer for group_a and group_b", async () => {
    const two = (await compare("level=middle&compare_by=size_class&groups=micro,small", tokens.member)).body;
    const legacy = (
      await get<Comparison>(
        "/api/v1/surveys/{slug}/results/compare",
        "level=middle&compare_by=size_class&group_a=micro&group_b=small",
        {
          slug: TRY_SURVEY_SLUG,
          token: tokens.member,
        },
      )
    ).body;
    expect(legacy.baseA! + legacy.baseB!).toBe(226);
    for (const f of two.factors) {
      const old = legacy.factors.find((x) => x.code === f.code)!;
      expect(f.test).toBe("z");
      expect(f.statistic).toBeCloseTo(old.z!, 12);
      expect(f.p).toBeCloseTo(old.p!, 12);
      expect(f.pHolm).toBeCloseTo(old.pHolm!, 12);
      expect(f.p).toBeCloseTo(twoProportionZTest(old.a, old.b)!.p, 12);
    }
  });

  it("answers 422 naming the parameter", async () => {
    const issue = async (query: string) => {
      const res = await compare(`level=macro&${query}`, tokens.member);
      expect(res.status, query).toBe(422);
      return refusal(res).issues[0].path;
    };
    expect(await issue("compare_by=size_class&groups=micro")).toEqual(["groups"]);
    expect(await issue("compare_by=size_class&groups=micro,giant")).toEqual(["groups"]);
    expect(await issue("groups=micro,small")).toEqual(["compare_by"]);
    expect(await issue("region=changchun")).toEqual(["compare_by"]);
    expect(await issue("compare_by=size_class&groups=micro,small&group_a=micro&group_b=small")).toEqual(["groups"]);
  });

  it("shows the public perturbed groups, each as its own public chart, and leaves small groups out", async () => {
    const { body } = await compare("level=macro&compare_by=lifecycle_stage");
    expect(body.perturbed).toBe(true);
    // Metamorphosis (4 firms) and decline (8) are under the threshold of 10.
    expect(body.hiddenGroups.map((g) => g.code).sort()).toEqual(["decline", "metamorphosis"]);
    expect(body.groups.map((g) => g.code)).toEqual(["seed", "start_up", "growth", "maturity"]);
    let differs = false;
    for (const [i, g] of body.groups.entries()) {
      const own = (await attention(`level=macro&lifecycle_stage=${g.code}`)).body;
      const exact = (await attention(`level=macro&lifecycle_stage=${g.code}`, tokens.member)).body;
      expect(g.base).toBe(own.base);
      for (const f of body.factors) {
        const share = f.shares[i];
        const published = own.factors.find((x) => x.code === f.code);
        expect(share && [share.count, share.n]).toEqual(published ? [published.count, published.n] : null);
        const truth = exact.factors.find((x) => x.code === f.code)!;
        if (share) expect(Math.abs(share.count - truth.count)).toBeLessThanOrEqual(2);
        differs ||= Boolean(share && share.count !== truth.count);
      }
    }
    expect(differs, "some published count carries noise").toBe(true);
  });
});

/** Valid demo responses (complete, not screened), read from the response table itself. */
async function demoAnswers(where: { region?: string } = {}) {
  const rows = await db.response.findMany({
    where: { survey: { slug: TRY_SURVEY_SLUG }, status: "complete", screenedAt: null },
    select: { answers: true, breakdowns: true },
  });
  return rows
    .filter((r) => !where.region || (r.breakdowns as Record<string, string>).region === where.region)
    .map((r) => r.answers as Record<string, unknown>);
}

/** McNemar's cells of two options of one multi-select question, from the answers. */
function discordant(answers: Record<string, unknown>[], question: string, a: string, b: string) {
  // In the item's base: answered with anything but "don't know".
  const chosen = answers
    .map((x) => (Array.isArray(x[question]) ? (x[question] as string[]) : []))
    .filter((c) => c.some((o) => o !== "dont_know"));
  return {
    n: chosen.length,
    a: chosen.filter((c) => c.includes(a)).length,
    b: chosen.filter((c) => c.includes(b)).length,
    onlyA: chosen.filter((c) => c.includes(a) && !c.includes(b)).length,
    onlyB: chosen.filter((c) => c.includes(b) && !c.includes(a)).length,
  };
}

describe("two factors answered by the same firms", () => {
  it("counts the discordant firms as the responses table does, and tests them with McNemar", async () => {
    for (const [filter, where] of [
      ["", {}],
      ["&region=changchun", { region: "changchun" }],
    ] as const) {
      const truth = discordant(await demoAnswers(where), "macro_constraints", "national_policy", "fiscal_tax_support");
      const { status, body } = await paired(
        `level=macro&a=national_policy&b=fiscal_tax_support${filter}`,
        tokens.member,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ n: truth.n, onlyA: truth.onlyA, onlyB: truth.onlyB, suppressed: false });
      expect([body.a.count, body.b.count]).toEqual([truth.a, truth.b]);
      expect(body.a.share).toBeCloseTo(truth.a / truth.n, 12);
      expect(body.test).toEqual(mcnemarTest(truth.onlyA, truth.onlyB));
    }
    // The paper's 156 and 120 of 226 firms, and 4 of the 16 medium-sized firms added naming policies.
    const whole = (await paired("level=macro&a=national_policy&b=fiscal_tax_support", tokens.member)).body;
    expect([whole.n, whole.a.count, whole.b.count]).toEqual([242, 160, 120]);
    expect(whole.test!.method).toBe("chi-square-corrected");
    expect(whole.test!.p).toBeLessThan(0.05);
  });

  it("answers 422 naming the parameter", async () => {
    const issue = async (query: string) => {
      const res = await paired(query, tokens.member);
      expect(res.status, query).toBe(422);
      return refusal(res).issues.map((i) => i.path[0]);
    };
    expect(await issue("level=macro&a=national_policy&b=national_policy")).toEqual(["b"]);
    expect(await issue("level=macro&a=marketing_mix&b=national_policy")).toEqual(["a"]);
    expect(await issue("a=national_policy&b=ip_protection")).toEqual(["level"]);
    expect(await issue("level=macro&a=national_policy&b=ip_protection&colour=red")).toEqual(["colour"]);
  });

  it("gives the public perturbed counts, and nothing for fewer firms than the threshold", async () => {
    const exact = (await paired("level=macro&a=national_policy&b=fiscal_tax_support", tokens.member)).body;
    const shown = (await paired("level=macro&a=national_policy&b=fiscal_tax_support")).body;
    expect(shown.perturbed).toBe(true);
    const pairs = [
      [shown.n, exact.n],
      [shown.a.count, exact.a.count],
      [shown.b.count, exact.b.count],
      [shown.onlyA, exact.onlyA],
      [shown.onlyB, exact.onlyB],
    ];
    for (const [p, e] of pairs) expect(Math.abs(p! - e!)).toBeLessThanOrEqual(2);
    expect(
      pairs.some(([p, e]) => p !== e),
      "some published count carries noise",
    ).toBe(true);
    expect(shown.test).toEqual(mcnemarTest(shown.onlyA!, shown.onlyB!));
    // Nine micro firms in Siping answered the macro question.
    const small = (await paired("level=macro&a=national_policy&b=fiscal_tax_support&region=siping&size_class=micro"))
      .body;
    expect(small).toMatchObject({ suppressed: true, n: null, onlyA: null, onlyB: null, test: null });
    const member = (
      await paired("level=macro&a=national_policy&b=fiscal_tax_support&region=siping&size_class=micro", tokens.member)
    ).body;
    expect(member.n).toBe(9);
  });
});

describe("surveys side by side", () => {
  it("compares two waves of one version per shared factor with the z-test", async () => {
    const { status, body } = await surveys(`surveys=${TRY_SURVEY_SLUG},${WAVE_2020}&level=macro`, tokens.member);
    expect(status).toBe(200);
    expect(body.surveys.map((s) => [s.slug, s.access, s.base])).toEqual([
      [TRY_SURVEY_SLUG, "member", 242],
      [WAVE_2020, "member", 12],
    ]);
    expect(body.onlyIn).toEqual([]);
    const [first, second] = await Promise.all([
      attention("level=macro", tokens.member),
      attention("level=macro", tokens.member, WAVE_2020),
    ]);
    for (const f of body.factors) {
      const a = first.body.factors.find((x) => x.code === f.code)!;
      const b = second.body.factors.find((x) => x.code === f.code)!;
      expect(f.shares.map((s) => [s!.count, s!.n, s!.ci])).toEqual([
        [a.count, a.n, a.ci],
        [b.count, b.n, b.ci],
      ]);
      expect(f.test).toBe("z");
      expect(f.p).toBeCloseTo(twoProportionZTest(a, b)!.p, 12);
    }
    const fiscal = body.factors.find((f) => f.code === "fiscal_tax_support")!;
    expect(fiscal.shares[1]).toMatchObject({ count: 9, n: 12 });
  });

  it("reads each survey as the caller may see it, tests three with chi-square and lists unshared factors apart", async () => {
    const { body } = await surveys(`surveys=${TRY_SURVEY_SLUG},${WAVE_2020},${otherSlug}&level=macro`, tokens.member);
    expect(body.surveys.map((s) => [s.access, s.perturbed])).toEqual([
      ["member", false],
      ["member", false],
      ["public", true],
    ]);
    expect(body.factors.map((f) => [f.code, f.test, f.df])).toEqual([["national_policy", "chi-square", 2]]);
    const policy = body.factors[0];
    const shown = policy.shares.map((s) => ({ count: s!.count, n: s!.n }));
    expect(policy.statistic).toBeCloseTo(chiSquareTest(shown)!.statistic, 10);
    // The public figures of the other organization's survey are those of its public chart.
    const published = (await attention("level=macro", undefined, otherSlug)).body.factors[0];
    expect(shown[2]).toEqual({ count: published.count, n: published.n });
    expect(body.onlyIn.map((f) => [f.code, f.surveys])).toEqual([
      ["fiscal_tax_support", [TRY_SURVEY_SLUG, WAVE_2020]],
      ["ip_protection", [TRY_SURVEY_SLUG, WAVE_2020]],
      ["market_access", [TRY_SURVEY_SLUG, WAVE_2020]],
      ["venture_capital", [TRY_SURVEY_SLUG, WAVE_2020]],
      ["land_supply", [otherSlug]],
    ]);
  });

  it("answers 404 for a survey the caller may not see, naming that slug and nothing of it", async () => {
    const rival = await surveys(`surveys=${TRY_SURVEY_SLUG},${rivalSlug}&level=macro`, tokens.member);
    expect(rival.status).toBe(404);
    expect(refusal(rival)).toEqual({
      error: "not_found",
      message: `There is no survey at "${rivalSlug}", or its results are not shared with you.`,
    });
    // The same answer as for a slug nobody has.
    const none = await surveys(`surveys=${TRY_SURVEY_SLUG},no-such-survey&level=macro`, tokens.member);
    expect(refusal(none).message).toBe(refusal(rival).message.replace(rivalSlug, "no-such-survey"));
    // Its own organization sees it; the public sees neither members-only survey.
    expect((await surveys(`surveys=${rivalSlug},${TRY_SURVEY_SLUG}&level=macro`, tokens.rival)).status).toBe(200);
    expect((await surveys(`surveys=${TRY_SURVEY_SLUG},${WAVE_2020}&level=macro`)).status).toBe(404);
    const anonymous = await surveys(`surveys=${TRY_SURVEY_SLUG},${otherSlug}&level=macro`);
    expect(anonymous.body.surveys.map((s) => [s.access, s.perturbed])).toEqual([
      ["public", true],
      ["public", true],
    ]);
  });

  it("answers 422 naming the parameter", async () => {
    const one = await surveys(`surveys=${TRY_SURVEY_SLUG}&level=macro`, tokens.member);
    expect(one.status).toBe(422);
    expect(refusal(one).issues[0].path).toEqual(["surveys"]);
    const level = await surveys(`surveys=${TRY_SURVEY_SLUG},${WAVE_2020}&level=meso`, tokens.member);
    expect(refusal(level).issues[0].path).toEqual(["level"]);
  });
});
