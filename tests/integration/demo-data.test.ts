// The demo survey, loaded into a fresh migrated database, reproduces the Jilin paper's figures
// when counted in SQL over the stored answer rows; it is closed, and the open try-it survey of the
// same version starts from the same figures in its result cells and alone moves with new answers.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention, getSampleTotals } from "@/lib/analytics/results";
import { foldResults } from "@/lib/analytics/results-aggregator";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { submitResponse } from "@/lib/responses/submit-response";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import { PAPER_SURVEY_SLUG, TRY_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";
import { verifyPassword } from "@/lib/auth/password";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

let db: Db;
let surveyId: string;

beforeAll(async () => {
  expect(await seedDemo(process.env.DATABASE_URL!)).toBe(
    "Loaded 3 templates and 250 demo responses (survey jilin-2017, closed) and the open survey jilin-try with a copy of the paper's responses.",
  );
  db = createDbClient(process.env.DATABASE_URL!, 2);
  surveyId = (await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } })).id;
  return () => db.$disconnect();
});

/** Firms choosing each option of a constraint question (the Jilin options carry their factor's code). */
async function attentionCounts(questionCode: string) {
  const rows = await db.$queryRaw<{ option_code: string; firms: bigint }[]>`
    SELECT a.option_code, count(DISTINCT a.response_id) AS firms
    FROM answer a JOIN response r ON r.id = a.response_id
    WHERE r.survey_id = ${surveyId}::uuid AND r.status = 'complete' AND r.screened_at IS NULL
      AND a.question_code = ${questionCode}
    GROUP BY a.option_code`;
  return Object.fromEntries(rows.map((r) => [r.option_code, Number(r.firms)]));
}

async function base(questionCode: string) {
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT a.response_id) AS n
    FROM answer a JOIN response r ON r.id = a.response_id
    WHERE r.survey_id = ${surveyId}::uuid AND r.status = 'complete' AND r.screened_at IS NULL
      AND a.question_code = ${questionCode}`;
  return Number(row.n);
}

const percent = (count: number, n: number) => Math.round((100 * count) / n);

describe("Jilin demo data in PostgreSQL", () => {
  it("has 250 delivered, 226 valid and 24 screened responses, each screened one with a rule and reason", async () => {
    const byState = await db.response.groupBy({ by: ["status"], where: { surveyId }, _count: true });
    expect(byState).toEqual([{ status: "complete", _count: 250 }]);
    expect(await db.response.count({ where: { surveyId, screenedAt: null } })).toBe(226);
    const screened = await db.response.findMany({ where: { surveyId, screenedAt: { not: null } } });
    expect(screened).toHaveLength(24);
    for (const r of screened) {
      expect(r.screenedRule).not.toBeNull();
      expect(r.screenedReason?.length).toBeGreaterThan(0);
    }
  });

  it("reproduces the macro figures of Fig. 4: 69 %, 53 %, 27 % of n = 226", async () => {
    const n = await base("macro_constraints");
    expect(n).toBe(226);
    const c = await attentionCounts("macro_constraints");
    expect([c.national_policy, c.fiscal_tax_support, c.ip_protection]).toEqual([156, 120, 61]);
    expect([c.national_policy, c.fiscal_tax_support, c.ip_protection].map((x) => percent(x, n))).toEqual([69, 53, 27]);
  });

  it("reproduces the middle-level figures of Fig. 5: 63 %, 53 %, 52 %, 48 %", async () => {
    const n = await base("middle_constraints");
    expect(n).toBe(226);
    const c = await attentionCounts("middle_constraints");
    const named = [c.entrepreneur_training, c.industry_academia_links, c.financing_channels, c.information_sharing];
    expect(named.map((x) => percent(x, n))).toEqual([63, 53, 52, 48]);
    for (const [code, count] of Object.entries(c)) {
      if (
        !["entrepreneur_training", "industry_academia_links", "financing_channels", "information_sharing"].includes(
          code,
        )
      )
        expect(count, code).toBeLessThan(c.information_sharing);
    }
  });

  it("has more than 85 % of firms reporting each of the four micro weaknesses", async () => {
    const n = await base("micro_constraints");
    const c = await attentionCounts("micro_constraints");
    for (const code of ["innovation_culture", "marketing_mix", "knowledge_worker_mgmt", "internal_control"])
      expect(c[code] / n, code).toBeGreaterThan(0.85);
  });

  it("spreads the sample over 16 regions led by Changchun and about 20 industries led by services and manufacturing", async () => {
    const regions = await db.$queryRaw<{ region: string; n: bigint }[]>`
      SELECT breakdowns->>'region' AS region, count(*) AS n FROM response
      WHERE survey_id = ${surveyId}::uuid AND screened_at IS NULL GROUP BY 1 ORDER BY n DESC`;
    expect(regions).toHaveLength(16);
    expect(regions[0].region).toBe("changchun");
    const industries = await db.$queryRaw<{ industry: string; n: bigint }[]>`
      SELECT breakdowns->>'industry' AS industry, count(*) AS n FROM response
      WHERE survey_id = ${surveyId}::uuid AND screened_at IS NULL GROUP BY 1 ORDER BY n DESC`;
    expect(industries.length).toBeGreaterThanOrEqual(18);
    expect(industries.length).toBeLessThanOrEqual(22);
    expect(
      industries
        .slice(0, 2)
        .map((i) => i.industry)
        .sort(),
    ).toEqual(["manufacturing", "services"]);
  });

  it("publishes the Jilin questionnaire as version 1, shares its dashboard, and seeds a working researcher login", async () => {
    const survey = await db.survey.findUniqueOrThrow({
      where: { slug: PAPER_SURVEY_SLUG },
      include: { version: true },
    });
    expect(survey.version.number).toBe(1);
    expect(survey.publicDashboard).toBe(true);
    const user = await db.user.findUniqueOrThrow({
      where: { email: "researcher@example.org" },
      include: { memberships: true },
    });
    expect(user.memberships[0].role).toBe("researcher");
    expect(await verifyPassword("jilin-demo-2017", user.passwordHash!)).toBe(true);
  });

  it("loads nothing twice when seeded again", async () => {
    expect(await seedDemo(process.env.DATABASE_URL!)).toBe("Demo data already loaded.");
    expect(await db.response.count({ where: { surveyId } })).toBe(250);
    expect(await db.response.count({ where: { survey: { slug: TRY_SURVEY_SLUG } } })).toBe(250);
  });

  it("adds the try-it survey to a database seeded before it existed, and closes the paper's wave", async () => {
    await db.survey.delete({ where: { slug: TRY_SURVEY_SLUG } });
    await db.survey.update({ where: { id: surveyId }, data: { closesAt: null } });
    expect(await seedDemo(process.env.DATABASE_URL!)).toBe(
      "Loaded the open survey jilin-try with a copy of the paper's responses.",
    );
    expect((await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).closesAt).toEqual(
      new Date("2017-05-31T16:00:00Z"),
    );
    expect(await db.response.count({ where: { survey: { slug: TRY_SURVEY_SLUG } } })).toBe(250);
  });
});

describe("the paper's closed wave and the open try-it survey", () => {
  const memberView = async (slug: string) => {
    const found = (await findDashboardSurvey({ db, slug, actor: null }))!;
    return { ...found, access: "member" as const };
  };
  const figures = async (slug: string) => {
    await foldResults(db);
    const survey = await memberView(slug);
    const levels = await Promise.all(
      (["macro", "middle", "micro"] as FactorLevel[]).map((level) =>
        getAttention({ db, survey, level, filter: { breakdowns: {} }, measure: "cases", locale: "en" }),
      ),
    );
    return {
      totals: await getSampleTotals({ db, survey }),
      levels: levels.map((l) => ({ base: l.base, factors: l.factors.map((f) => [f.code, f.count]) })),
    };
  };

  it("closes the paper's wave at the end of its fieldwork; the try-it survey is open on the same version", async () => {
    const paper = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG } });
    const trial = await db.survey.findUniqueOrThrow({ where: { slug: TRY_SURVEY_SLUG } });
    expect(paper.closesAt).toEqual(new Date("2017-05-31T16:00:00Z"));
    expect(trial).toMatchObject({ closesAt: null, versionId: paper.versionId, minCompletionSeconds: 120 });
    expect(trial.titleEn).toBe("Jilin small and micro enterprises: constraints on collaborative innovation (try it)");
    const refused = await submitResponse({
      db,
      slug: PAPER_SURVEY_SLUG,
      submission: { submissionId: randomUUID(), locale: "zh", answers: JILIN_ANSWERS },
    });
    expect(refused).toMatchObject({ kind: "not_open", state: "closed" });
  });

  it("starts the try-it survey's result cells from the paper's figures; an answer to it moves only it", async () => {
    const paper = await figures(PAPER_SURVEY_SLUG);
    expect(paper.totals).toMatchObject({ delivered: 250, valid: 226 });
    expect(paper.levels[0].base).toBe(226);
    expect(Object.fromEntries(paper.levels[0].factors)).toMatchObject({
      national_policy: 156,
      fiscal_tax_support: 120,
      ip_protection: 61,
    });
    expect(await figures(TRY_SURVEY_SLUG)).toEqual(paper);

    const stored = await submitResponse({
      db,
      slug: TRY_SURVEY_SLUG,
      submission: {
        submissionId: randomUUID(),
        locale: "zh",
        answers: JILIN_ANSWERS,
        startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      },
    });
    expect(stored).toMatchObject({ kind: "stored", created: true });
    const moved = await figures(TRY_SURVEY_SLUG);
    expect(moved.totals).toMatchObject({ delivered: 251, valid: 227 });
    expect(moved.levels[0].base).toBe(227);
    expect(Object.fromEntries(moved.levels[0].factors)).toMatchObject({
      national_policy: 157,
      fiscal_tax_support: 121,
    });
    expect(await figures(PAPER_SURVEY_SLUG)).toEqual(paper);
  });
});
