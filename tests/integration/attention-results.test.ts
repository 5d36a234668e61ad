// The dashboard's numbers against PostgreSQL: the demo survey's shares computed by hand in SQL
// over the answer rows equal what the results API serves (the paper's Fig. 4 and Fig. 5), and the
// result cells stay exact when responses are screened, resubmitted, deleted or filtered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldResults } from "@/lib/analytics/results-aggregator";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { findDashboardSurvey, type DashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import { getComposition } from "@/lib/analytics/results";
import type { Actor } from "@/lib/auth/actor";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import { breakdownsOf, toAnswerRows } from "@/lib/responses/answer-rows";

let db: Db;
/** The demo survey as its members see it: exact figures (the public's carry noise, tested in disclosure.test.ts). */
let survey: DashboardSurvey;
let publicSurvey: DashboardSurvey;
const noFilter: ResultsFilter = { breakdowns: {} };

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  db = createDbClient(process.env.DATABASE_URL!, 4);
  publicSurvey = (await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: null }))!;
  survey = { ...publicSurvey, access: "member" };
});
afterAll(() => db.$disconnect());

/** Shares computed from scratch over the answer rows, the way DESIGN.md §4 defines them. */
async function sharesBySql(question: string, where = "true") {
  const rows = await db.$queryRawUnsafe<{ code: string; n: number; base: number }[]>(
    `
    WITH v AS (
      SELECT r.id FROM response r
      WHERE r.survey_id = $1::uuid AND r.status = 'complete' AND r.screened_at IS NULL AND ${where}
        AND EXISTS (SELECT 1 FROM answer a WHERE a.response_id = r.id AND a.question_code = $2 AND a.option_code <> 'dont_know'))
    SELECT a.option_code AS code, count(DISTINCT a.response_id)::int AS n, (SELECT count(*) FROM v)::int AS base
    FROM answer a JOIN v ON v.id = a.response_id
    WHERE a.question_code = $2 AND a.option_code <> 'dont_know'
    GROUP BY 1`,
    survey.id,
    question,
  );
  return { base: rows[0]?.base ?? 0, counts: Object.fromEntries(rows.map((r) => [r.code, r.n])) };
}

// As a request does after findDashboardSurvey: the writes just made are folded into the cells.
const attention = async (level: FactorLevel, filter = noFilter, s = survey) => {
  await foldResults(db);
  return getAttention({ db, survey: s, level, filter, measure: "cases", locale: "en" });
};
const percents = (result: Awaited<ReturnType<typeof attention>>) =>
  Object.fromEntries(result.factors.map((f) => [f.code, Math.round(f.share * 100)]));

describe("attention shares of the demo survey", () => {
  it("finds the paper's macro figures (Fig. 4) in SQL and in the API: 69 %, 53 %, 27 % of n = 226", async () => {
    const sql = await sharesBySql("macro_constraints");
    const api = await attention("macro");
    expect(sql.base).toBe(226);
    expect(api.base).toBe(226);
    for (const f of api.factors) expect(f.count, f.code).toBe(sql.counts[f.code] ?? 0);
    expect(percents(api)).toMatchObject({ national_policy: 69, fiscal_tax_support: 53, ip_protection: 27, none: 9 });
    expect(api.factors.slice(0, 3).map((f) => f.code)).toEqual([
      "national_policy",
      "fiscal_tax_support",
      "ip_protection",
    ]);
    expect(api.factors[0].ci![0]).toBeCloseTo(0.6272, 4);
  });

  it("finds the middle figures (Fig. 5): 63 %, 53 %, 52 %, 48 %, and micro shares above 85 %", async () => {
    const middle = await attention("middle");
    const sql = await sharesBySql("middle_constraints");
    for (const f of middle.factors) expect(f.count, f.code).toBe(sql.counts[f.code] ?? 0);
    expect(middle.factors.slice(0, 4).map((f) => Math.round(f.share * 100))).toEqual([63, 53, 52, 48]);
    const micro = await attention("micro");
    expect(micro.factors.slice(0, 4).every((f) => f.share > 0.85)).toBe(true);
  });

  it("agrees with SQL under two breakdown filters and under a date range", async () => {
    const filtered = await attention("macro", { breakdowns: { region: "changchun", size_class: "small" } });
    const sql = await sharesBySql(
      "macro_constraints",
      `r.breakdowns->>'region' = 'changchun' AND r.breakdowns->>'size_class' = 'small'`,
    );
    expect(filtered.base).toBe(sql.base);
    expect(sql.base).toBeGreaterThan(10);
    for (const f of filtered.factors) expect(f.count, f.code).toBe(sql.counts[f.code] ?? 0);

    const april = await attention("macro", {
      breakdowns: { region: "changchun" },
      from: "2017-04-01",
      to: "2017-04-30",
    });
    const sqlApril = await sharesBySql(
      "macro_constraints",
      `r.breakdowns->>'region' = 'changchun' AND r.completed_at >= '2017-04-01' AND r.completed_at < '2017-05-01'`,
    );
    expect(april.base).toBe(sqlApril.base);
    for (const f of april.factors) expect(f.count, f.code).toBe(sqlApril.counts[f.code] ?? 0);
  });

  it("hides shares whose base is under the threshold from the public, whatever filters combine, and not from members", async () => {
    const filter = { breakdowns: { region: "dunhua", industry: "services" } };
    const sql = await sharesBySql("macro_constraints", `r.breakdowns->>'region' = 'dunhua'`);
    expect(sql.base).toBeLessThan(10);
    const publicView = await attention("macro", filter, publicSurvey);
    expect(publicView).toMatchObject({ suppressed: true, base: null, factors: [] });
    expect((await attention("macro", { breakdowns: { region: "dunhua" } }, publicSurvey)).suppressed).toBe(true);
    const composition = await getComposition({
      db,
      survey: publicSurvey,
      filter: { breakdowns: { region: "dunhua" } },
      locale: "en",
    });
    expect(composition).toMatchObject({ suppressed: true, totals: null, distributions: [] });

    const member = await attention("macro", { breakdowns: { region: "dunhua" } });
    expect(member).toMatchObject({ suppressed: false, smallBase: true, base: sql.base });
  });

  it("reports the sample: 250 delivered, 226 valid, 24 screened, validity 90.4 %, regions led by Changchun", async () => {
    const c = await getComposition({ db, survey, filter: noFilter, locale: "en" });
    expect(c.totals).toEqual({ delivered: 250, valid: 226, screened: 24, validityRate: 0.904 });
    const region = c.distributions.find((d) => d.key === "region")!;
    expect(region.bars[0]).toMatchObject({ code: "changchun", count: 102 });
    expect(region.base).toBe(226);
    expect(
      c.distributions
        .find((d) => d.key === "industry")!
        .bars.slice(0, 2)
        .map((b) => b.code),
    ).toEqual(["services", "manufacturing"]);
    expect(c.periods.reduce((s, d) => s + d.valid, 0)).toBe(226);
  });
});

describe("result cells follow every write", () => {
  it("drops a screened response from the counts and restores it when unscreened", async () => {
    const firm = await db.response.findFirstOrThrow({
      where: {
        surveyId: survey.id,
        valid: true,
        answerRows: { some: { questionCode: "macro_constraints", optionCode: "national_policy" } },
      },
    });
    await db.response.update({
      where: { id: firm.id },
      data: { screenedAt: new Date(), screenedRule: "manual", screenedReason: "test" },
    });
    let macro = await attention("macro");
    expect(macro.base).toBe(225);
    expect(macro.factors.find((f) => f.code === "national_policy")!.count).toBe(155);
    await db.response.update({
      where: { id: firm.id },
      data: { screenedAt: null, screenedRule: null, screenedReason: null },
    });
    macro = await attention("macro");
    expect(macro.base).toBe(226);
    expect(macro.factors.find((f) => f.code === "national_policy")!.count).toBe(156);
  });

  it("counts a new response once, leaves 'don't know' out of the base, and forgets a deleted one", async () => {
    const definition = survey.definition;
    const answers = {
      region: "dunhua",
      industry: "services",
      employees: 5,
      lifecycle_stage: "growth",
      firm_id: "x1",
      macro_constraints: ["national_policy", "ip_protection"],
      middle_constraints: ["dont_know"],
      micro_constraints: ["none"],
    };
    const created = await db.$transaction(async (tx) => {
      const r = await tx.response.create({
        data: {
          surveyId: survey.id,
          versionId: survey.versionId,
          submissionId: crypto.randomUUID(),
          status: "partial",
          locale: "en",
          answers,
          breakdowns: breakdownsOf(definition, answers),
          contentHash: "x",
          completedAt: new Date("2017-05-31T10:00:00Z"),
        },
      });
      // As a resubmission does: complete the response, then replace its answer rows.
      await tx.response.update({ where: { id: r.id }, data: { status: "complete" } });
      await tx.answer.deleteMany({ where: { responseId: r.id } });
      await tx.answer.createMany({
        data: toAnswerRows(definition, answers).map((a) => ({ ...a, responseId: r.id, surveyId: survey.id })),
      });
      return r;
    });
    const macro = await attention("macro");
    expect(macro.base).toBe(227);
    expect(macro.factors.find((f) => f.code === "national_policy")!.count).toBe(157);
    expect((await attention("middle")).base).toBe(226);
    expect((await attention("micro")).factors.find((f) => f.code === "none")!.count).toBe(5);
    const sql = await sharesBySql("macro_constraints");
    for (const f of macro.factors) expect(f.count, f.code).toBe(sql.counts[f.code] ?? 0);

    await db.response.delete({ where: { id: created.id } });
    expect((await attention("macro")).base).toBe(226);
    expect(
      (await foldResults(db), await getComposition({ db, survey, filter: noFilter, locale: "en" })).totals!.delivered,
    ).toBe(250);
  });

  it("rebuilds the same cells from scratch", async () => {
    await foldResults(db);
    const before = await db.$queryRaw<{ scope: string; metric: string; n: number }[]>`
      SELECT scope, metric, sum(responses)::int AS n FROM result_cell WHERE survey_id = ${survey.id}::uuid GROUP BY 1, 2 HAVING sum(responses) <> 0 ORDER BY 1, 2`;
    await db.$queryRaw`SELECT analytics_rebuild(${survey.id}::uuid)`;
    const after = await db.$queryRaw<typeof before>`
      SELECT scope, metric, sum(responses)::int AS n FROM result_cell WHERE survey_id = ${survey.id}::uuid GROUP BY 1, 2 HAVING sum(responses) <> 0 ORDER BY 1, 2`;
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(20);
  });
});

describe("who may see results", () => {
  it("shows a non-public survey to members of its organization only, and to nobody else", async () => {
    await db.survey.update({ where: { id: survey.id }, data: { publicDashboard: false } });
    try {
      const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
      const viewer: Actor = {
        userId: crypto.randomUUID(),
        via: "session",
        memberships: [{ organizationId: org.id, role: "viewer" }],
      };
      const outsider: Actor = {
        userId: crypto.randomUUID(),
        via: "token",
        memberships: [{ organizationId: crypto.randomUUID(), role: "owner" }],
      };
      expect(await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: null })).toBeNull();
      expect(await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: outsider })).toBeNull();
      expect(await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: viewer })).toMatchObject({
        access: "member",
      });
    } finally {
      await db.survey.update({ where: { id: survey.id }, data: { publicDashboard: true } });
    }
  });
});
