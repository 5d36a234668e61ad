// Aggregation off the submission path (issue 15, docs/decisions/026): a write only notes its
// change; folds bring tallies and cells up to date in batches, any number of folders at once count
// each response exactly once, reads on the primary fold first, and live streams hear one event per
// fold rather than one per response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import { foldResults, startResultsAggregator } from "@/lib/analytics/results-aggregator";
import { subscribeToResults } from "@/lib/analytics/results-listener";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";

const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
let db: Db;
let other: Db;

const answers = (i: number) => ({
  region: i % 2 ? "changchun" : "jilin_city",
  industry: "manufacturing",
  employees: 1 + (i % 40),
  lifecycle_stage: "growth",
  firm_id: `91220101MA${String(i).padStart(8, "0")}`,
  macro_constraints: i % 3 ? ["national_policy", "financing"] : ["none"],
  middle_constraints: ["none"],
  micro_constraints: i % 4 ? ["talent"] : ["none"],
});

/** Every cell, a day's stripes added together, for comparison with a rebuild from scratch. */
async function cells(surveyId: string) {
  return db.$queryRaw<{ scope: string; key: string; metric: string; n: number; m: number; k: number }[]>`
    SELECT scope, CASE WHEN left(cell_key, 1) = '{' THEN cell_key ELSE split_part(cell_key, '#', 1) END AS key, metric,
           sum(responses)::int AS n, sum(mentions)::int AS m, sum(key_sum)::float8 AS k
    FROM result_cell WHERE survey_id = ${surveyId}::uuid
    GROUP BY 1, 2, 3 HAVING sum(responses) <> 0 OR sum(mentions) <> 0 ORDER BY 1, 2, 3`;
}

const validInCells = async (surveyId: string) =>
  Number(
    (
      await db.resultCell.aggregate({
        where: { surveyId, scope: "all", metric: "valid", cellKey: { lt: "{" } },
        _sum: { responses: true },
      })
    )._sum.responses ?? 0,
  );

beforeAll(() => {
  db = createDbClient(process.env.DATABASE_URL!, 8);
  other = createDbClient(process.env.DATABASE_URL!, 4);
});
afterAll(async () => {
  await db.$disconnect();
  await other.$disconnect();
});

describe("the results aggregator", () => {
  it("leaves the cells alone at the write; a dashboard read folds the survey first and counts the response", async () => {
    const { survey } = await createEngineSurvey(db, jilin);
    await db.survey.update({ where: { id: survey.id }, data: { publicDashboard: true } });
    await addResponse(db, survey, jilin, { answers: answers(1) });

    expect(await db.resultChange.count({ where: { surveyId: survey.id } })).toBeGreaterThan(0);
    expect(await db.resultCell.count({ where: { surveyId: survey.id } })).toBe(0);

    const found = (await findDashboardSurvey({ db, slug: survey.slug, actor: null }))!;
    expect(await db.resultChange.count({ where: { surveyId: survey.id } })).toBe(0);
    const macro = await getAttention({
      db,
      survey: { ...found, access: "member" },
      level: "macro",
      filter: { breakdowns: {} },
      measure: "cases",
      locale: "en",
    });
    expect(macro.base).toBe(1);
    expect(macro.factors.find((f) => f.code === "national_policy")?.count).toBe(1);
  });

  it("counts each response once while two folders race writes, screenings and deletions: the cells equal a rebuild", async () => {
    const { survey } = await createEngineSurvey(db, jilin);
    let writing = true;
    // Two folders on two connections pools, as two app servers would run them, in small batches.
    const folder = (client: Db) =>
      (async () => {
        while (writing) {
          await client.$queryRaw`SELECT analytics_fold(NULL, 7, true)`;
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
    const folders = [folder(db), folder(other)];
    const created = await Promise.all(
      Array.from({ length: 60 }, (_, i) => addResponse(db, survey, jilin, { answers: answers(i) })),
    );
    await Promise.all(
      created.slice(0, 15).map((r) =>
        db.response.update({
          where: { id: r.id },
          data: { screenedAt: new Date(), screenedRule: "manual", screenedReason: "test" },
        }),
      ),
    );
    await Promise.all(created.slice(15, 25).map((r) => db.response.delete({ where: { id: r.id } })));
    writing = false;
    await Promise.all(folders);
    await foldResults(db);

    expect(await db.resultChange.count({ where: { surveyId: survey.id } })).toBe(0);
    expect(await validInCells(survey.id)).toBe(35);
    expect(await db.response.count({ where: { surveyId: survey.id, valid: true } })).toBe(35);
    const folded = await cells(survey.id);
    await db.$queryRaw`SELECT analytics_rebuild(${survey.id}::uuid)`;
    expect(await cells(survey.id)).toEqual(folded);
    expect(folded.length).toBeGreaterThan(20);
  });

  it("notifies once per fold, not once per response, and has counted every one by then", async () => {
    const { survey } = await createEngineSurvey(db, jilin);
    const heard: number[] = [];
    const stopListening = await subscribeToResults(survey.id, () => heard.push(Date.now()));
    const stopAggregator = startResultsAggregator(db);
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => addResponse(db, survey, jilin, { answers: answers(i) })));
      await expect.poll(() => validInCells(survey.id), { timeout: 10_000 }).toBe(40);
      await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(heard.length).toBeLessThan(40);
    } finally {
      await stopAggregator();
      stopListening();
    }
  });
});
