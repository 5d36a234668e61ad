// Re-applying a survey's minimum completion time to the responses already stored (issue 14,
// "changing the minimum offers to re-apply the rule"): through the API, counted in the results at
// once, screenings by hand and duplicate firms kept, and recorded in the audit log.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/create-api-token";
import { foldResults } from "@/lib/analytics/results-aggregator";
import { db } from "@/lib/db/client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { jilinSmallMicroTemplate } from "@/lib/questionnaire/templates/jilin-small-micro";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const jilin = QuestionnaireDefinitionSchema.parse(jilinSmallMicroTemplate);
let slug: string;
let surveyId: string;
const tokens: Record<"researcher" | "viewer", string> = {} as never;
const ids: Record<string, string> = {};

const answers = (firm: string) => ({
  region: "changchun",
  industry: "manufacturing",
  employees: 5,
  lifecycle_stage: "seed",
  firm_id: firm,
  macro_constraints: ["national_policy"],
  middle_constraints: ["none"],
  micro_constraints: ["none"],
});

async function rescreen(token = tokens.researcher) {
  const { POST } = (await import("@/app/api/v1/surveys/[slug]/screening/route")) as unknown as { POST: Handler };
  const res = await POST(
    new Request(`http://test/api/v1/surveys/${slug}/screening`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "accept-language": "en" },
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: res.status, body: await res.json() };
}

const rules = async () =>
  Object.fromEntries(
    (await db.response.findMany({ where: { surveyId }, select: { id: true, screenedRule: true } })).map((r) => [
      Object.entries(ids).find(([, id]) => id === r.id)![0],
      r.screenedRule,
    ]),
  );
const validBase = async () => {
  await foldResults(db);
  return Number(
    (
      await db.resultCell.aggregate({
        where: { surveyId, scope: "all", metric: "valid", cellKey: { lt: "{" } },
        _sum: { responses: true },
      })
    )._sum.responses,
  );
};

beforeAll(async () => {
  const { org, survey } = await createEngineSurvey(db, jilin);
  slug = survey.slug;
  surveyId = survey.id;
  // Durations in seconds; F and G are one firm (G came second).
  const made: [string, number, string][] = [
    ["A", 30, "FA"],
    ["B", 60, "FB"],
    ["C", 200, "FC"],
    ["D", 300, "FD"],
    ["E", 40, "FE"],
    ["F", 500, "SAME"],
    ["G", 10, "SAME"],
  ];
  for (const [name, seconds, firm] of made) {
    const r = await addResponse(db, survey, jilin, { answers: answers(firm) });
    ids[name] = r.id;
    await db.response.update({ where: { id: r.id }, data: { durationSeconds: seconds, firmIdentifier: firm } });
  }
  await db.response.update({
    where: { id: ids.E },
    data: { screenedRule: "manual", screenedReason: "Answered for the parent company", screenedAt: new Date() },
  });
  await db.response.update({
    where: { id: ids.G },
    data: { screenedRule: "too_fast", screenedReason: "Completed in 10 s", screenedAt: new Date() },
  });
  const token = async (role: "researcher" | "viewer") => {
    const user = await db.user.create({
      data: {
        email: `${role}-${org.id}@example.org`,
        name: role,
        memberships: { create: { organizationId: org.id, role } },
      },
    });
    return (await createApiToken({ db, userId: user.id, organizationId: org.id, name: "rescreen" }))!.token;
  };
  tokens.researcher = await token("researcher");
  tokens.viewer = await token("viewer");
});

describe("re-applying the minimum completion time", () => {
  it("screens the valid responses faster than a new minimum, and the results count them out at once", async () => {
    expect(await validBase()).toBe(5);
    await db.survey.update({ where: { id: surveyId }, data: { minCompletionSeconds: 120 } });
    expect(await rescreen()).toEqual({ status: 200, body: { minCompletionSeconds: 120, screened: 2, restored: 0 } });
    expect(await rules()).toEqual({
      A: "too_fast",
      B: "too_fast",
      C: null,
      D: null,
      E: "manual",
      F: null,
      G: "too_fast",
    });
    expect(await validBase()).toBe(3);
    const reason = await db.response.findUniqueOrThrow({ where: { id: ids.A }, select: { screenedReason: true } });
    expect(reason.screenedReason).toBe("Completed in 30 s; the survey's minimum is 120 s.");
  });

  it("restores those a lower minimum no longer catches, but not a repeated firm", async () => {
    await db.survey.update({ where: { id: surveyId }, data: { minCompletionSeconds: 45 } });
    expect((await rescreen()).body).toEqual({ minCompletionSeconds: 45, screened: 0, restored: 1 });
    expect(await rules()).toEqual({
      A: "too_fast",
      B: null,
      C: null,
      D: null,
      E: "manual",
      F: null,
      G: "too_fast",
    });
    // Without a minimum nothing is too fast: A returns; G, no longer too fast, repeats firm F.
    await db.survey.update({ where: { id: surveyId }, data: { minCompletionSeconds: null } });
    expect((await rescreen()).body).toEqual({ minCompletionSeconds: null, screened: 0, restored: 1 });
    expect(await rules()).toEqual({ A: null, B: null, C: null, D: null, E: "manual", F: null, G: "duplicate_firm" });
    expect(await validBase()).toBe(5);
  });

  it("is recorded in the audit log, and refused to a viewer", async () => {
    const events = await db.auditEvent.findMany({
      where: { targetId: surveyId, action: "responses.rescreened" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.data)).toEqual([
      { minCompletionSeconds: 120, screened: 2, restored: 0 },
      { minCompletionSeconds: 45, screened: 0, restored: 1 },
      { minCompletionSeconds: null, screened: 0, restored: 1 },
    ]);
    expect((await rescreen(tokens.viewer)).status).toBe(404);
  });
});
