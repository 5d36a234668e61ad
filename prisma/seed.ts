// Loads the templates and the two Jilin demo surveys (DESIGN.md §6): the paper's wave, closed,
// and the open "try it" survey of the same questionnaire version, starting from a copy of the
// paper's responses (lib/demo/demo-surveys.ts). Idempotent: a second run changes nothing; a
// database seeded before the try-it survey existed gets it added.
import { createDbClient, type Db } from "../lib/db/create-client";
import { hashPassword } from "../lib/auth/password";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "../lib/questionnaire/definition-schema";
import { TEMPLATES } from "../lib/questionnaire/templates";
import { publishVersion } from "../lib/questionnaire/publish-version";
import { generateJilinDemoResponses, type JilinDemoResponse } from "../lib/demo/jilin-demo-data";
import {
  PAPER_SURVEY_CLOSES_AT,
  PAPER_SURVEY_SLUG,
  PAPER_SURVEY_TITLE,
  TRY_SURVEY_SLUG,
  TRY_SURVEY_TITLE,
} from "../lib/demo/demo-surveys";
import { toAnswerRows, breakdownsOf } from "../lib/responses/answer-rows";
import { contentHashOf } from "../lib/responses/content-hash";

export const DEMO_ORGANIZATION_SLUG = "demo";
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

type DemoVersion = { id: string; definition: QuestionnaireDefinition };

/** A demo survey of the Jilin version with the paper's settings, and its paper-questionnaire collector. */
async function createDemoSurvey(
  db: Db,
  organizationId: string,
  version: DemoVersion,
  survey: { slug: string; title: { zh: string; en: string }; closesAt: Date | null },
) {
  const created = await db.survey.create({
    data: {
      organizationId,
      versionId: version.id,
      slug: survey.slug,
      titleZh: survey.title.zh,
      titleEn: survey.title.en,
      defaultLocale: "zh",
      opensAt: new Date("2017-03-01T00:00:00Z"),
      closesAt: survey.closesAt,
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
  return { surveyId: created.id, paperCollectorId: created.collectors.find((c) => c.kind === "paper")!.id };
}

/**
 * Writes the demo responses into a survey as entered paper questionnaires, each with its answer
 * rows; the response and answer triggers note every one for the result cells, as for any response.
 */
async function writeDemoResponses(
  db: Db,
  version: DemoVersion,
  target: { surveyId: string; paperCollectorId: string },
  records: JilinDemoResponse[],
) {
  await db.$transaction(
    async (tx) => {
      for (const r of records) {
        await tx.response.create({
          data: {
            surveyId: target.surveyId,
            versionId: version.id,
            collectorId: target.paperCollectorId,
            submissionId: r.submissionId,
            status: "complete",
            locale: r.locale,
            answers: r.answers,
            breakdowns: breakdownsOf(version.definition, r.answers),
            contentHash: contentHashOf({ locale: r.locale, answers: r.answers }),
            firmIdentifier: r.firmIdentifier,
            startedAt: r.startedAt,
            completedAt: r.completedAt,
            durationSeconds: r.durationSeconds,
            screenedRule: r.screened?.rule ?? null,
            screenedReason: r.screened?.reason ?? null,
            screenedAt: r.screened ? r.completedAt : null,
            answerRows: {
              createMany: {
                data: toAnswerRows(version.definition, r.answers).map((a) => ({ ...a, surveyId: target.surveyId })),
              },
            },
          },
        });
      }
    },
    { timeout: 120_000 },
  );
}

async function loadPaperSurvey(db: Db, organizationId: string, questionnaireId: string) {
  const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@example.org" } });
  const published = await publishVersion({ db, actor: { organizationId, userId: owner.id }, questionnaireId });
  if (!published) throw new Error("The Jilin questionnaire was not found for publishing");
  const version = { id: published.id, definition: published.definition as QuestionnaireDefinition };
  const target = await createDemoSurvey(db, organizationId, version, {
    slug: PAPER_SURVEY_SLUG,
    title: PAPER_SURVEY_TITLE,
    closesAt: PAPER_SURVEY_CLOSES_AT,
  });
  const records = generateJilinDemoResponses();
  await writeDemoResponses(db, version, target, records);
  return records.length;
}

/**
 * The open survey visitors try, on the paper survey's version, with the paper's responses copied
 * in (the same deterministic records, so its dashboard starts from the paper's figures). A paper
 * survey seeded before it existed, and so still open, is closed at the end of its fieldwork.
 */
async function loadTrySurvey(db: Db) {
  const paper = await db.survey.findUniqueOrThrow({ where: { slug: PAPER_SURVEY_SLUG }, include: { version: true } });
  if (!paper.closesAt) await db.survey.update({ where: { id: paper.id }, data: { closesAt: PAPER_SURVEY_CLOSES_AT } });
  const version = { id: paper.versionId, definition: paper.version.definition as QuestionnaireDefinition };
  const target = await createDemoSurvey(db, paper.organizationId, version, {
    slug: TRY_SURVEY_SLUG,
    title: TRY_SURVEY_TITLE,
    closesAt: null,
  });
  await writeDemoResponses(db, version, target, generateJilinDemoResponses());
}

/** Seeds the demo organization, templates and the two Jilin surveys, adding whatever is missing. */
export async function seedDemo(url: string): Promise<string> {
  const db = createDbClient(url, 2);
  try {
    const loaded: string[] = [];
    if (!(await db.organization.findUnique({ where: { slug: DEMO_ORGANIZATION_SLUG } }))) {
      const org = await createOrganization(db);
      const questionnaires = await loadTemplates(db, org.id);
      const jilin = questionnaires.get("jilin_small_micro");
      if (!jilin) throw new Error("The Jilin template is missing from lib/questionnaire/templates");
      const responses = await loadPaperSurvey(db, org.id, jilin);
      loaded.push(
        `${TEMPLATES.length} templates and ${responses} demo responses (survey ${PAPER_SURVEY_SLUG}, closed)`,
      );
    }
    if (!(await db.survey.findUnique({ where: { slug: TRY_SURVEY_SLUG } }))) {
      await loadTrySurvey(db);
      loaded.push(`the open survey ${TRY_SURVEY_SLUG} with a copy of the paper's responses`);
    }
    return loaded.length ? `Loaded ${loaded.join(" and ")}.` : "Demo data already loaded.";
  } finally {
    await db.$disconnect();
  }
}
