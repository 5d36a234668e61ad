// Loads the templates and the Jilin demo survey (DESIGN.md §6). Idempotent: a second run finds
// the demo organization and changes nothing.
import { createDbClient, type Db } from "../lib/db/create-client";
import { hashPassword } from "../lib/auth/password";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "../lib/questionnaire/definition-schema";
import { TEMPLATES } from "../lib/questionnaire/templates";
import { publishVersion } from "../lib/questionnaire/publish-version";
import { generateJilinDemoResponses } from "../lib/demo/jilin-demo-data";
import { toAnswerRows, breakdownsOf } from "../lib/responses/answer-rows";
import { contentHashOf } from "../lib/responses/content-hash";

export const DEMO_ORGANIZATION_SLUG = "demo";
export const DEMO_SURVEY_SLUG = "jilin-2017";
export const DEMO_LOGINS = [
  { email: "researcher@example.org", password: "jilin-demo-2017", name: "Demo researcher", role: "researcher" },
  { email: "owner@example.org", password: "jilin-demo-2017", name: "Demo owner", role: "owner" },
  { email: "viewer@example.org", password: "jilin-demo-2017", name: "Demo viewer", role: "viewer" },
] as const;

async function createOrganization(db: Db) {
  const org = await db.organization.create({
    data: { slug: DEMO_ORGANIZATION_SLUG, name: "Jilin SME innovation study (demo)" },
  });
  for (const login of DEMO_LOGINS) {
    await db.user.create({
      data: {
        email: login.email,
        name: login.name,
        passwordHash: await hashPassword(login.password),
        memberships: { create: { organizationId: org.id, role: login.role } },
      },
    });
  }
  return org;
}

async function loadTemplates(db: Db, organizationId: string) {
  const ids = new Map<string, string>();
  for (const template of TEMPLATES) {
    const definition = QuestionnaireDefinitionSchema.parse(template.definition);
    await db.factor.createMany({
      data: definition.factors.map((f) => ({
        organizationId,
        code: f.code,
        level: f.level,
        labelZh: f.label.zh ?? f.label.en ?? f.code,
        labelEn: f.label.en ?? f.label.zh ?? f.code,
      })),
      skipDuplicates: true,
    });
    const q = await db.questionnaire.create({ data: { organizationId, code: definition.code, draft: definition } });
    ids.set(definition.code, q.id);
  }
  return ids;
}

async function loadDemoSurvey(db: Db, organizationId: string, questionnaireId: string) {
  const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@example.org" } });
  const version = await publishVersion({ db, actor: { organizationId, userId: owner.id }, questionnaireId });
  if (!version) throw new Error("The Jilin questionnaire was not found for publishing");
  const definition = version.definition as QuestionnaireDefinition;
  const survey = await db.survey.create({
    data: {
      organizationId,
      versionId: version.id,
      slug: DEMO_SURVEY_SLUG,
      titleZh: "吉林省小微企业协同创新制约因素调查（2017）",
      titleEn: "Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
      defaultLocale: "zh",
      opensAt: new Date("2017-03-01T00:00:00Z"),
      minCompletionSeconds: 120,
      smallCellThreshold: 10,
      publicDashboard: true,
      collectors: {
        create: [
          { kind: "paper", name: "Paper questionnaires 2017" },
          { kind: "link", name: "Open link" },
        ],
      },
    },
    include: { collectors: true },
  });
  const paper = survey.collectors.find((c) => c.kind === "paper")!;

  const records = generateJilinDemoResponses();
  await db.$transaction(
    async (tx) => {
      for (const r of records) {
        await tx.response.create({
          data: {
            surveyId: survey.id,
            versionId: version.id,
            collectorId: paper.id,
            submissionId: r.submissionId,
            status: "complete",
            locale: r.locale,
            answers: r.answers,
            breakdowns: breakdownsOf(definition, r.answers),
            contentHash: contentHashOf({ locale: r.locale, answers: r.answers }),
            firmIdentifier: r.firmIdentifier,
            startedAt: r.startedAt,
            completedAt: r.completedAt,
            durationSeconds: r.durationSeconds,
            screenedRule: r.screened?.rule ?? null,
            screenedReason: r.screened?.reason ?? null,
            screenedAt: r.screened ? r.completedAt : null,
            answerRows: {
              createMany: { data: toAnswerRows(definition, r.answers).map((a) => ({ ...a, surveyId: survey.id })) },
            },
          },
        });
      }
    },
    { timeout: 120_000 },
  );
  return { survey, responses: records.length };
}

/** Seeds the demo organization, templates and the jilin-2017 survey unless they exist. */
export async function seedDemo(url: string): Promise<string> {
  const db = createDbClient(url, 2);
  try {
    if (await db.organization.findUnique({ where: { slug: DEMO_ORGANIZATION_SLUG } }))
      return "Demo data already loaded.";
    const org = await createOrganization(db);
    const questionnaires = await loadTemplates(db, org.id);
    const jilin = questionnaires.get("jilin_small_micro");
    if (!jilin) throw new Error("The Jilin template is missing from lib/questionnaire/templates");
    const { responses } = await loadDemoSurvey(db, org.id, jilin);
    return `Loaded ${TEMPLATES.length} templates and ${responses} demo responses (survey ${DEMO_SURVEY_SLUG}).`;
  } finally {
    await db.$disconnect();
  }
}
