// Survey weighting end to end on PostgreSQL, through the API and the real worker: the 30 firms
// of the R reference sample (tests/fixtures/weighting/reference.R) answered as Jilin responses,
// targets given as CSV or JSON, weights computed in the background and read back per firm and as
// weighted shares next to the unweighted ones, equal to R's survey package to 1e-6.
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportLabels } from "@/lib/export/export-labels";
import { exportSurvey } from "@/lib/export/export-survey";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";
import { statisticalDataset } from "@/lib/export/statistical-variables";
import { createApiToken } from "@/lib/auth/create-api-token";
import { db } from "@/lib/db/client";
import { startJobWorker, stopDataJobs } from "@/lib/jobs/job-worker";
import { chiSquareTest, wilsonInterval } from "@/lib/analytics/statistics";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";
import { FIRMS, R_POST_STRATIFIED, R_RAKED_CITY_SIZE } from "@/tests/fixtures/weighting/jilin-sample";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const weightingRoute = () => import("@/app/api/v1/surveys/[slug]/weighting/route");
const attentionRoute = () => import("@/app/api/v1/surveys/[slug]/results/attention/route");

const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
const REGION: Record<string, string> = {
  Changchun: "changchun",
  "Jilin City": "jilin",
  Siping: "siping",
  other: "tonghua",
};
const EMPLOYEES: Record<string, number> = { micro: 5, small: 50, medium: 150 };
const answersOf = (f: (typeof FIRMS)[number], i: number) => ({
  region: REGION[f.city],
  industry: "manufacturing",
  employees: EMPLOYEES[f.size],
  lifecycle_stage: "growth",
  firm_id: `F${String(i).padStart(2, "0")}`,
  macro_constraints: f.concern ? ["national_policy"] : ["none"],
  middle_constraints: ["none"],
  micro_constraints: ["none"],
});

let slug: string;
let surveyId: string;
const tokens: Record<"researcher" | "viewer" | "rival", string> = {} as never;

async function call(method: "GET" | "PUT" | "DELETE", route: Handler, path: string, token: string, body?: unknown) {
  const res = await route(
    new Request(`http://test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "accept-language": "en", "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const weighting = async (method: "GET" | "PUT" | "DELETE", body?: unknown, token = tokens.researcher) =>
  call(method, (await weightingRoute())[method] as Handler, `/api/v1/surveys/${slug}/weighting`, token, body);
const attention = async (query = "") =>
  (
    await call(
      "GET",
      (await attentionRoute()).GET as Handler,
      `/api/v1/surveys/${slug}/results/attention?level=macro&${query}`,
      tokens.researcher,
    )
  ).body;

/** Waits for the worker to finish the survey's weights. */
async function computed(
  until: (view: { status: string; stale: boolean }) => boolean = (v) => v.status !== "queued" && v.status !== "running",
) {
  for (let i = 0; i < 300; i++) {
    const view = (await weighting("GET")).body;
    if (view && until(view)) return view;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("weights not computed");
}

/** Each firm's stored weight, in the reference sample's order. */
async function firmWeights() {
  const rows = await db.responseWeight.findMany({
    where: { surveyId },
    include: { response: { select: { answers: true } } },
  });
  const byFirm = new Map(rows.map((r) => [(r.response.answers as { firm_id: string }).firm_id, r.weight]));
  return FIRMS.map((_, i) => byFirm.get(`F${String(i).padStart(2, "0")}`));
}

const expectClose = (actual: (number | undefined)[], expected: number[]) =>
  expected.forEach((e, i) => expect(Math.abs((actual[i] ?? NaN) - e), `firm ${i}`).toBeLessThan(1e-6 * Math.max(1, e)));

const kish = (weights: number[]) => weights.reduce((a, b) => a + b, 0) ** 2 / weights.reduce((a, b) => a + b * b, 0);

beforeAll(async () => {
  const { org, survey } = await createEngineSurvey(db, jilin);
  slug = survey.slug;
  surveyId = survey.id;
  for (const [i, firm] of FIRMS.entries()) await addResponse(db, survey, jilin, { answers: answersOf(firm, i) });
  const token = async (role: "researcher" | "viewer", organizationId = org.id) => {
    const user = await db.user.create({
      data: {
        email: `${role}-${organizationId}@example.org`,
        name: role,
        memberships: { create: { organizationId, role } },
      },
    });
    return (await createApiToken({ db, userId: user.id, organizationId, name: "weights" }))!.token;
  };
  tokens.researcher = await token("researcher");
  tokens.viewer = await token("viewer");
  const rival = await db.organization.create({ data: { slug: `rival-${slug}`, name: "Rival" } });
  tokens.rival = await token("researcher", rival.id);
  await startJobWorker({ db });
});
afterAll(() => stopDataJobs());

describe("weights from population targets", () => {
  it("refuses targets with problems by row and column, and stores nothing", async () => {
    const bad = await weighting("PUT", {
      method: "post_stratify",
      csv: "region,size_class,count\nchangchun,micro,4200\natlantis,micro,10\nsiping,huge,x\nchangchun,micro,5",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual(
      [
        { row: 3, column: "region", value: "atlantis", message: expect.stringMatching(/^Not a value of region/) },
        { row: 4, column: "count", value: "x", message: "Not a count (a number of firms, 0 or more)." },
      ].slice(1, 2),
    );
    const unknown = await weighting("PUT", {
      method: "post_stratify",
      csv: "region,size_class,count\nchangchun,micro,4200\natlantis,micro,10\nsiping,huge,3\nchangchun,micro,5",
    });
    expect(unknown.body.problems.map((p: { row: number; column: string | null }) => [p.row, p.column])).toEqual([
      [3, "region"],
      [4, "size_class"],
      [5, null],
    ]);
    expect(unknown.body.problems[2].message).toBe("This cell is also given in row 2.");
    expect(await db.surveyWeighting.count({ where: { surveyId } })).toBe(0);
    expect((await weighting("GET")).status).toBe(404);
  });

  it("rakes to city and size margins given as CSV: each firm's weight is R's rake() weight", async () => {
    const csv = [
      "variable,value,total",
      "region,changchun,6600",
      "region,jilin,3300",
      "region,siping,1850",
      "region,tonghua,4450",
      "size_class,micro,10500",
      "size_class,small,4300",
      "size_class,medium,1400",
    ].join("\n");
    const saved = await weighting("PUT", { method: "rake", csv, tolerance: 1e-12, maxIterations: 1000 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(202);
    const view = await computed();
    expect(view).toMatchObject({
      status: "done",
      weightedResponses: 30,
      validResponses: 30,
      stale: false,
      warnings: [],
      error: null,
    });
    expectClose(await firmWeights(), R_RAKED_CITY_SIZE);
    expect(view.effectiveSize).toBeCloseTo(kish(R_RAKED_CITY_SIZE), 6);
    expect(view.designEffect).toBeCloseTo(30 / kish(R_RAKED_CITY_SIZE), 9);
  });

  it("shows unweighted and weighted shares side by side: R's svymean share, Wilson at Kish's n", async () => {
    const result = await attention();
    const policy = result.factors.find((f: { code: string }) => f.code === "national_policy");
    const flagged = FIRMS.filter((f) => f.concern).length;
    expect(policy).toMatchObject({ count: flagged, n: 30, share: flagged / 30 });
    // R: svymean(~concern, rake(…)) = 0.608478401753
    expect(policy.weighted.share).toBeCloseTo(0.608478401753, 9);
    const nEff = kish(R_RAKED_CITY_SIZE);
    expect(policy.weighted.effectiveN).toBeCloseTo(nEff, 6);
    expect(policy.weighted.base).toBeCloseTo(16200, 6);
    const [low, high] = wilsonInterval(0.608478401753, nEff)!;
    expect(policy.weighted.ci[0]).toBeCloseTo(low, 9);
    expect(policy.weighted.ci[1]).toBeCloseTo(high, 9);
    expect(result.weighting).toMatchObject({ method: "rake", stale: false, unweighted: 0 });
    expect(result.weighting.designEffect).toBeCloseTo(30 / nEff, 9);
  });

  it("exports each response's weight in a column of its own (CSV, and a weight variable in SPSS/Stata)", async () => {
    const user = await db.user.findFirstOrThrow({
      where: { memberships: { some: { role: "researcher" } }, email: { startsWith: "researcher-" } },
    });
    const actor = {
      userId: user.id,
      via: "token" as const,
      memberships: await db.membership.findMany({ where: { userId: user.id } }),
    };
    const found = await findExportableSurvey({ db, actor, slug });
    if (found.status !== "ok") throw new Error(found.status);
    expect(found.survey.weighted).toBe(true);
    const file = await exportSurvey({ db, actor, survey: found.survey, format: "csv", locale: "en", values: "codes" });
    const [header, ...rows] = Papa.parse<string[]>(
      (await new Response(file.body).text()).replace(/^\uFEFF/, "").trimEnd(),
      { newline: "\r\n" },
    ).data;
    const weightAt = header.indexOf("Survey weight");
    const firmAt = header.findIndex((h) => h.includes("[firm_id]"));
    expect(weightAt).toBeGreaterThan(0);
    const exported = new Map(rows.map((r) => [r[firmAt], Number(r[weightAt])]));
    R_RAKED_CITY_SIZE.forEach((w, i) => expect(exported.get(`F${String(i).padStart(2, "0")}`)).toBeCloseTo(w, 6));
    const dataset = statisticalDataset({
      definitions: found.survey.definitions,
      locale: "en",
      labels: exportLabels("en"),
      weighted: true,
    });
    expect(dataset.variables.find((v) => v.spssName === "weight")).toMatchObject({
      kind: "numeric",
      measure: "scale",
      label: "Survey weight",
    });
  });

  it("weights a filtered read from the same cells (a breakdown, and a breakdown with dates from the tallies)", async () => {
    const weights = (await firmWeights()) as number[];
    const changchun = FIRMS.map((f, i) => ({ f, w: weights[i] })).filter(({ f }) => f.city === "Changchun");
    const expected =
      changchun.filter(({ f }) => f.concern).reduce((n, x) => n + x.w, 0) / changchun.reduce((n, x) => n + x.w, 0);
    const today = new Date().toISOString().slice(0, 10);
    for (const query of ["region=changchun", `region=changchun&from=${today}&to=${today}`]) {
      const policy = (await attention(query)).factors.find((f: { code: string }) => f.code === "national_policy");
      expect(policy.weighted.share, query).toBeCloseTo(expected, 9);
      expect(policy.weighted.effectiveN, query).toBeCloseTo(kish(changchun.map((x) => x.w)), 6);
    }
  });

  it("compares groups on the weighted shares too, at each group's effective size", async () => {
    const compare = (await import("@/app/api/v1/surveys/[slug]/results/compare/route")).GET as Handler;
    const { body } = await call(
      "GET",
      compare,
      `/api/v1/surveys/${slug}/results/compare?level=macro&compare_by=region`,
      tokens.researcher,
    );
    const policy = body.factors.find((f: { code: string }) => f.code === "national_policy");
    const weights = (await firmWeights()) as number[];
    const groups = ["changchun", "jilin", "siping", "tonghua"].map((region) => {
      const firms = FIRMS.map((f, i) => ({ f, w: weights[i] })).filter(({ f }) => REGION[f.city] === region);
      const share =
        firms.filter(({ f }) => f.concern).reduce((n, x) => n + x.w, 0) / firms.reduce((n, x) => n + x.w, 0);
      const nEff = kish(firms.map((x) => x.w));
      return { count: share * nEff, n: nEff, share };
    });
    expect(body.groups.map((g: { code: string }) => g.code)).toEqual(["changchun", "jilin", "siping", "tonghua"]);
    expect(policy.weighted.test).toBe("chi-square");
    expect(policy.weighted.shares.map((s: { share: number }) => s.share)).toEqual(
      groups.map((g) => expect.closeTo(g.share, 9)),
    );
    expect(policy.weighted.p).toBeCloseTo(chiSquareTest(groups)!.p, 9);
    // The unweighted test is still there, on the counts.
    expect(policy.test).toBe("chi-square");
    expect(policy.shares[0].count).toBe(FIRMS.filter((f) => f.city === "Changchun" && f.concern).length);
  });

  it("post-stratifies to a full table given as JSON: R's postStratify() weights and share", async () => {
    const counts: Record<string, number[]> = {
      micro: [4200, 2100, 1200, 3000],
      small: [1800, 900, 500, 1100],
      medium: [600, 300, 150, 350],
    };
    const cells = Object.entries(counts).flatMap(([size, row]) =>
      ["changchun", "jilin", "siping", "tonghua"].map((region, i) => ({
        values: { region, size_class: size },
        count: row[i],
      })),
    );
    const saved = await weighting("PUT", {
      method: "post_stratify",
      targets: { method: "post_stratify", variables: ["region", "size_class"], cells },
    });
    expect(saved.status).toBe(202);
    expect(await computed()).toMatchObject({ status: "done", method: "post_stratify", iterations: null });
    expectClose(await firmWeights(), R_POST_STRATIFIED);
    const policy = (await attention()).factors.find((f: { code: string }) => f.code === "national_policy");
    // R: svymean(~concern, postStratify(…)) = 0.618004115226
    expect(policy.weighted.share).toBeCloseTo(0.618004115226, 9);
  });

  it("marks the weights stale when a response arrives, then weights it too", async () => {
    await addResponse(
      db,
      { id: surveyId, versionId: (await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).versionId },
      jilin,
      {
        answers: answersOf(FIRMS[0], 30),
      },
    );
    const stale = await attention();
    expect(stale.weighting).toMatchObject({ stale: true, unweighted: 1 });
    expect(stale.base).toBe(31);
    const view = await computed((v) => v.status === "done" && !v.stale);
    expect(view.weightedResponses).toBe(31);
    expect((await attention()).weighting).toMatchObject({ stale: false, unweighted: 0 });
    // The Changchun-micro cell now has 6 firms sharing its 4200 (R_POST_STRATIFIED gave 5 firms 840).
    const rows = await db.responseWeight.findMany({
      where: { surveyId },
      include: { response: { select: { answers: true } } },
    });
    const weightOf = (id: string) =>
      rows.find((r) => (r.response.answers as { firm_id: string }).firm_id === id)?.weight;
    for (const id of ["F00", "F01", "F02", "F03", "F04", "F30"]) expect(weightOf(id), id).toBeCloseTo(700, 9);
    expect(weightOf("F05")).toBeCloseTo(600, 9);
  });

  it("says why raking failed, keeping the weights it had", async () => {
    const csv =
      "variable,value,total\nregion,changchun,6600\nregion,jilin,3300\nregion,siping,1850\nregion,tonghua,4450\nsize_class,micro,10500\nsize_class,small,4300\nsize_class,medium,1400";
    expect((await weighting("PUT", { method: "rake", csv, tolerance: 1e-12, maxIterations: 1 })).status).toBe(202);
    const view = await computed((v) => v.status === "failed");
    expect(view.error).toMatch(
      /^Raking did not converge within the passes allowed \(Raking did not converge in 1 passes/,
    );
    expect((await attention()).weighting).toMatchObject({ stale: true });
  });

  it("lets a viewer read the weighting but not change it; another organization sees no survey", async () => {
    expect((await weighting("GET", undefined, tokens.viewer)).status).toBe(200);
    expect(
      (await weighting("PUT", { method: "rake", csv: "variable,value,total\nregion,changchun,1" }, tokens.viewer))
        .status,
    ).toBe(403);
    expect((await weighting("DELETE", undefined, tokens.viewer)).status).toBe(403);
    expect((await weighting("GET", undefined, tokens.rival)).status).toBe(404);
    expect(
      (await weighting("PUT", { method: "rake", csv: "variable,value,total\nregion,changchun,1" }, tokens.rival))
        .status,
    ).toBe(404);
  });

  it("stops weighting: the weighted figures are gone at once", async () => {
    expect((await weighting("DELETE")).status).toBe(204);
    const result = await attention();
    expect(result.weighting).toBeUndefined();
    expect(result.factors[0].weighted).toBeUndefined();
    expect(await db.responseWeight.count({ where: { surveyId } })).toBe(0);
    const sums = await db.resultCell.aggregate({ where: { surveyId }, _sum: { weightSum: true } });
    expect(sums._sum.weightSum).toBe(0);
  });
});
