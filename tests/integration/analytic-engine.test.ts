// The analytic engine's rules on the cases that once went wrong: each factor in its own level
// whatever question carries it, each factor's share over its own item's base ("don't know" leaves
// that item's base only), Holm across the level's factors, the shipped templates' levels, the
// stored map equal to the compiled one, versions published before maps existed, and the
// canonical SQL functions equal to what the migrations deployed.
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePendingVersions } from "@/lib/analytics/compile-pending-versions";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import { getComparison } from "@/lib/analytics/results";
import { compileMetricMap } from "@/lib/analytics/metric-map";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { Answers } from "@/lib/questionnaire/answer-values";
import {
  DEFINITION_FORMAT,
  QuestionnaireDefinitionSchema,
  type FactorLevel,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import { cisHamperingTemplate } from "@/lib/questionnaire/templates/cis-hampering";
import { wbesObstaclesTemplate } from "@/lib/questionnaire/templates/wbes-obstacles";
import { canonicalSqlFiles } from "@/scripts/lib/canonical-sql";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";

let db: Db;
beforeAll(() => {
  db = createDbClient(process.env.DATABASE_URL!, 4);
});
afterAll(() => db.$disconnect());

const t = (en: string) => ({ en });

async function surveyWith(definition: QuestionnaireDefinition, answers: Answers[]) {
  const { org, survey } = await createEngineSurvey(db, definition);
  for (const a of answers) await addResponse(db, survey, definition, { answers: a });
  const actor = {
    userId: "u",
    via: "session" as const,
    memberships: [{ organizationId: org.id, role: "viewer" as const }],
  };
  return (await findDashboardSurvey({ db, slug: survey.slug, actor }))!;
}

type Dashboard = NonNullable<Awaited<ReturnType<typeof findDashboardSurvey>>>;
const attention = (survey: Dashboard, level: FactorLevel) =>
  getAttention({ db, survey, level, filter: { breakdowns: {} }, measure: "cases", locale: "en" });
const codes = (r: Awaited<ReturnType<typeof attention>>) => r.factors.map((f) => f.code).sort();

describe("a level per factor", () => {
  const mixed = QuestionnaireDefinitionSchema.parse({
    format: DEFINITION_FORMAT,
    code: "mixed_levels",
    title: t("Mixed levels"),
    locales: ["en"],
    factors: [
      { code: "access_to_finance", level: "middle", label: t("Access to finance") },
      { code: "tax_rates", level: "macro", label: t("Tax rates") },
      { code: "courts", level: "macro", label: t("Courts") },
      { code: "business_licensing", level: "middle", label: t("Business licensing") },
      { code: "skills", level: "micro", label: t("Skills") },
      { code: "regulation", level: "macro", label: t("Regulation") },
    ],
    sections: [
      {
        code: "s",
        title: t("No level"),
        questions: [
          {
            code: "concerns",
            type: "multi",
            label: t("Which concern you?"),
            options: [
              { code: "access_to_finance", label: t("Finance"), factor: "access_to_finance" },
              { code: "tax_rates", label: t("Tax"), factor: "tax_rates" },
              { code: "none", label: t("None"), exclusive: true },
            ],
          },
          {
            code: "ratings",
            type: "matrix",
            label: t("Rate"),
            scale: { min: 0, max: 4 },
            attentionThreshold: 3,
            rows: [
              { code: "courts", label: t("Courts"), factor: "courts" },
              { code: "business_licensing", label: t("Licensing"), factor: "business_licensing" },
            ],
          },
          {
            // A micro factor first and a macro one second, in a section without a level.
            code: "inside_outside",
            type: "multi",
            label: t("Which hold you back?"),
            options: [
              { code: "skills", label: t("Skills"), factor: "skills" },
              { code: "regulation", label: t("Regulation"), factor: "regulation" },
            ],
          },
        ],
      },
    ],
  });

  it("charts each factor at its own level, whatever question carries it", async () => {
    const survey = await surveyWith(mixed, [
      { concerns: ["tax_rates"], ratings: { courts: 4, business_licensing: 3 }, inside_outside: ["skills"] },
      {
        concerns: ["access_to_finance", "tax_rates"],
        ratings: { courts: 1, business_licensing: 0 },
        inside_outside: ["regulation"],
      },
      { concerns: ["none"], ratings: { courts: 3, business_licensing: 4 }, inside_outside: ["skills", "regulation"] },
    ]);
    const [macro, middle, micro] = await Promise.all([
      attention(survey, "macro"),
      attention(survey, "middle"),
      attention(survey, "micro"),
    ]);
    expect(codes(macro)).toEqual(["courts", "none", "regulation", "tax_rates"]);
    expect(codes(middle)).toEqual(["access_to_finance", "business_licensing", "none"]);
    expect(codes(micro)).toEqual(["skills"]);
    expect([macro.base, middle.base, micro.base]).toEqual([3, 3, 3]);
    const count = (r: typeof macro, code: string) => r.factors.find((f) => f.code === code)?.count;
    expect([count(macro, "tax_rates"), count(macro, "courts"), count(macro, "regulation")]).toEqual([2, 2, 2]);
    expect([count(middle, "access_to_finance"), count(middle, "business_licensing")]).toEqual([1, 2]);
    expect(count(micro, "skills")).toBe(2);
  });
});

describe("a base per item", () => {
  const wbes = QuestionnaireDefinitionSchema.parse(wbesObstaclesTemplate);
  const rows = wbes.sections[1].questions[0];

  it("gives access to finance 67 of the 148 firms that rated it, while 150 rated some obstacle", async () => {
    // 150 firms: access to finance rated 0×27, 1×24, 2×30, 3×40, 4×27, don't know ×1, does not apply ×1.
    const ratings = [
      ...Array<number>(27).fill(0),
      ...Array<number>(24).fill(1),
      ...Array<number>(30).fill(2),
      ...Array<number>(40).fill(3),
      ...Array<number>(27).fill(4),
      5,
      6,
    ];
    expect(ratings).toHaveLength(150);
    if (rows.type !== "matrix") throw new Error("the WBES obstacles are a matrix");
    const answers = ratings.map((finance, i) => ({
      industry: "manufacturing",
      size_band: "employees_5_19",
      obstacle_ratings: Object.fromEntries(
        rows.rows.map((r, j) => [r.code, r.code === "access_to_finance" ? finance : (i + j) % 5]),
      ),
      biggest_obstacle: "no_obstacle",
    }));
    const survey = await surveyWith(wbes, answers);
    const middle = await attention(survey, "middle");
    expect(middle.base).toBe(150);
    const finance = middle.factors.find((f) => f.code === "access_to_finance")!;
    expect(finance).toMatchObject({ count: 67, n: 148 });
    expect(finance.share).toBeCloseTo(67 / 148, 12);
    expect(Number((finance.share * 100).toFixed(2))).toBe(45.27);
    expect(finance.ci![0]).toBeCloseTo(0.3747, 4);
    expect(finance.ci![1]).toBeCloseTo(0.5331, 4);
    // The mean is over the same 148 firms: (24·1 + 30·2 + 40·3 + 27·4) / 148.
    expect(finance.mean).toBeCloseTo((24 + 60 + 120 + 108) / 148, 12);
    // Every other obstacle was rated by all 150.
    expect(middle.factors.filter((f) => f.code !== "access_to_finance").every((f) => f.n === 150)).toBe(true);
  });
});

describe("comparisons within the level's factors", () => {
  it("adjusts with Holm across the CIS micro level's 5 factors, not all 13", async () => {
    const cis = QuestionnaireDefinitionSchema.parse(cisHamperingTemplate);
    const micro = [
      "lack_internal_finance",
      "costs_too_high",
      "lack_skilled_employees",
      "different_priorities",
      "no_need_previous_innovations",
    ];
    // Firms rating each micro factor "High" (3), of 30 per group.
    const high = { employees_10_49: [18, 15, 10, 6, 4], employees_250_plus: [8, 12, 9, 6, 5] };
    const matrix = cis.sections[1].questions[0];
    if (matrix.type !== "matrix") throw new Error("the CIS block is a matrix");
    const answers = Object.entries(high).flatMap(([size, counts]) =>
      Array.from({ length: 30 }, (_, i) => ({
        industry: "manufacturing",
        size_band: size,
        hampering_factors: Object.fromEntries(
          matrix.rows.map((r) => {
            const k = micro.indexOf(r.code);
            return [r.code, k >= 0 ? (i < counts[k] ? 3 : 1) : 0];
          }),
        ),
      })),
    );
    const survey = await surveyWith(cis, answers);
    const comparison = await getComparison({
      db,
      survey,
      level: "micro",
      filter: { breakdowns: {} },
      compare: { by: "size_class", a: "employees_10_49", b: "employees_250_plus" },
      locale: "en",
    });
    expect(comparison.factors.map((f) => f.code).sort()).toEqual([...micro].sort());
    const finance = comparison.factors.find((f) => f.code === "lack_internal_finance")!;
    expect(finance.a).toMatchObject({ count: 18, n: 30 });
    expect(finance.b).toMatchObject({ count: 8, n: 30 });
    // Pooled z-test p = 0.0091807 (hand-computed); Holm over 5 factors: 5 · p.
    expect(finance.p).toBeCloseTo(0.0091807, 6);
    expect(finance.pHolm).toBeCloseTo(0.0459036, 6);
  });
});

describe("the metric map", () => {
  it("is stored at publishing exactly as compiled, and versions without one are compiled after migrating", async () => {
    const wbes = QuestionnaireDefinitionSchema.parse(wbesObstaclesTemplate);
    const { survey, version } = await createEngineSurvey(db, wbes);
    const stored = await db.metricMapRow.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } });
    expect(stored.map(({ versionId: _v, position: _p, ...row }) => row)).toEqual(compileMetricMap(wbes));

    // A version published before maps existed: no rows, cells invalidated by the migration.
    const answers = {
      industry: "retail",
      size_band: "employees_1_4",
      obstacle_ratings: { courts: 4 },
      biggest_obstacle: "courts",
    };
    await db.$executeRaw`DELETE FROM metric_map WHERE version_id = ${version.id}::uuid`;
    await addResponse(db, survey, wbes, { answers });
    await db.analyticsRebuildPending.create({ data: { surveyId: survey.id } });
    expect(await compilePendingVersions(db)).toMatchObject({ rebuilt: 1 });
    expect(await db.metricMapRow.count({ where: { versionId: version.id } })).toBe(compileMetricMap(wbes).length);
    const dashboard = (await findDashboardSurvey({
      db,
      slug: survey.slug,
      actor: { userId: "u", via: "session", memberships: [{ organizationId: survey.organizationId, role: "viewer" }] },
    }))!;
    const macro = await attention(dashboard, "macro");
    expect(macro.factors.find((f) => f.code === "courts")).toMatchObject({ count: 1, n: 1 });
    expect(await compilePendingVersions(db)).toMatchObject({ rebuilt: 0 });
  });
});

describe("canonical SQL functions", () => {
  it("are what the migrations deployed, function by function", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const functionsIn = (schema: string) =>
      client.query<{ name: string; args: string; result: string; body: string; config: string[] | null }>(
        `SELECT p.proname AS name, pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result,
                p.prosrc AS body, p.proconfig AS config
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1, 2`,
        [schema],
      );
    try {
      await client.query("CREATE SCHEMA canonical");
      await client.query("SET search_path TO canonical, public");
      for (const file of canonicalSqlFiles()) await client.query(fs.readFileSync(file, "utf8"));
      await client.query("SET search_path TO public");
      const canonical = (await functionsIn("canonical")).rows;
      expect(canonical.length).toBeGreaterThanOrEqual(10);
      const deployed = new Map((await functionsIn("public")).rows.map((r) => [`${r.name}(${r.args})`, r]));
      for (const fn of canonical) {
        const key = `${fn.name}(${fn.args.replaceAll("canonical.", "")})`;
        expect(deployed.get(key), key).toEqual({
          ...fn,
          args: fn.args.replaceAll("canonical.", ""),
          result: fn.result.replaceAll("canonical.", ""),
        });
      }
    } finally {
      await client.query("DROP SCHEMA IF EXISTS canonical CASCADE");
      await client.end();
    }
  });
});
