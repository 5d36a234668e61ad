// Scale, matrix and rank questions on the dashboard: the share at or above the attention
// threshold and the mean rating (without "don't know" points), and the share ranking a factor in
// the top N, computed by the database triggers from the stored answer rows.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema, DEFINITION_FORMAT } from "@/lib/questionnaire/definition-schema";
import { breakdownsOf, toAnswerRows } from "@/lib/responses/answer-rows";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getAttention } from "@/lib/analytics/results";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { insertVersion } from "@/lib/questionnaire/publish-version";

const t = (en: string) => ({ en });
const definition = QuestionnaireDefinitionSchema.parse({
  format: DEFINITION_FORMAT,
  code: "ratings",
  title: t("Ratings"),
  locales: ["en"],
  factors: [
    { code: "finance", level: "macro", label: t("Finance") },
    { code: "tax", level: "macro", label: t("Tax") },
    { code: "culture", level: "micro", label: t("Culture") },
    { code: "skills", level: "micro", label: t("Skills") },
  ],
  sections: [
    {
      code: "obstacles",
      title: t("Obstacles"),
      level: "macro",
      questions: [
        {
          code: "obstacles",
          type: "matrix",
          label: t("How severe?"),
          attentionThreshold: 4,
          rows: [
            { code: "r_finance", label: t("Finance"), factor: "finance" },
            { code: "r_tax", label: t("Tax"), factor: "tax" },
          ],
          scale: { min: 0, max: 5, points: [{ value: 0, label: t("Don't know"), nonSubstantive: true }] },
        },
      ],
    },
    {
      code: "priorities",
      title: t("Priorities"),
      level: "micro",
      questions: [
        {
          code: "top",
          type: "rank",
          label: t("Most pressing first"),
          topN: 1,
          options: [
            { code: "o_culture", label: t("Culture"), factor: "culture" },
            { code: "o_skills", label: t("Skills"), factor: "skills" },
            { code: "o_other", label: t("Other") },
          ],
        },
      ],
    },
  ],
});

let db: Db;
beforeAll(async () => {
  db = createDbClient(process.env.DATABASE_URL!, 2);
  const org = await db.organization.create({ data: { slug: "ratings-org", name: "Ratings" } });
  const q = await db.questionnaire.create({ data: { organizationId: org.id, code: "ratings", draft: definition } });
  const version = await db.$transaction((tx) => insertVersion(tx, { questionnaireId: q.id, number: 1, definition }));
  const survey = await db.survey.create({
    data: { organizationId: org.id, versionId: version.id, slug: "ratings-2026", titleZh: "评分", titleEn: "Ratings" },
  });
  const answers: Answers[] = [
    { obstacles: { r_finance: 5, r_tax: 2 }, top: ["o_culture", "o_skills"] },
    { obstacles: { r_finance: 4, r_tax: 0 }, top: ["o_skills"] },
    { obstacles: { r_finance: 0, r_tax: 0 }, top: ["o_other", "o_culture"] },
  ];
  for (const a of answers)
    await db.response.create({
      data: {
        surveyId: survey.id,
        versionId: version.id,
        submissionId: crypto.randomUUID(),
        status: "complete",
        locale: "en",
        answers: a,
        breakdowns: breakdownsOf(definition, a),
        contentHash: "x",
        completedAt: new Date(),
        answerRows: { createMany: { data: toAnswerRows(definition, a).map((r) => ({ ...r, surveyId: survey.id })) } },
      },
    });
});
afterAll(() => db.$disconnect());

it("gives matrix factors the share rated at or above the threshold and the mean, leaving 'don't know' out", async () => {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "ratings-org" } });
  const survey = (await findDashboardSurvey({
    db,
    slug: "ratings-2026",
    actor: { userId: "u", via: "session", memberships: [{ organizationId: org.id, role: "viewer" }] },
  }))!;
  expect(survey.access).toBe("member");
  const macro = await getAttention({
    db,
    survey,
    level: "macro",
    filter: { breakdowns: {} },
    measure: "cases",
    locale: "en",
  });
  expect(macro.base).toBe(2);
  expect(macro.smallBase).toBe(true);
  expect(
    macro.factors.map((f) => ({ code: f.code, count: f.count, share: f.share, mean: f.mean, threshold: f.threshold })),
  ).toEqual([
    { code: "finance", count: 2, share: 1, mean: 4.5, threshold: 4 },
    { code: "tax", count: 0, share: 0, mean: 2, threshold: 4 },
  ]);
});

it("counts a ranked factor only within the top N", async () => {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "ratings-org" } });
  const survey = (await findDashboardSurvey({
    db,
    slug: "ratings-2026",
    actor: { userId: "u", via: "session", memberships: [{ organizationId: org.id, role: "owner" }] },
  }))!;
  const micro = await getAttention({
    db,
    survey,
    level: "micro",
    filter: { breakdowns: {} },
    measure: "cases",
    locale: "en",
  });
  expect(micro.base).toBe(3);
  expect(micro.factors.map((f) => [f.code, f.count, f.kind, f.topN])).toEqual([
    ["culture", 1, "rank", 1],
    ["skills", 1, "rank", 1],
  ]);
  expect(await findDashboardSurvey({ db, slug: "ratings-2026", actor: null })).toBeNull();
});
