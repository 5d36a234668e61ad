// The survey to export, found within the actor's organizations: a researcher or owner may export;
// a viewer of the same organization is told they lack the role; anyone else gets "not found".
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";

export type ExportableSurvey = {
  id: string;
  organizationId: string;
  slug: string;
  titleZh: string;
  titleEn: string;
  defaultLocale: string;
  /** The survey's version first, then other versions its responses were given against. */
  definitions: QuestionnaireDefinition[];
  /** Weights have been computed for it: exports carry each response's weight. */
  weighted: boolean;
};

export type ExportableSurveyLookup =
  { status: "ok"; survey: ExportableSurvey } | { status: "forbidden" } | { status: "not_found" };

export async function findExportableSurvey(options: {
  db: Db;
  actor: Actor;
  slug: string;
}): Promise<ExportableSurveyLookup> {
  const { db, actor, slug } = options;
  const survey = await db.survey.findFirst({
    where: { slug, organizationId: { in: organizationsWhere(actor, "researcher") } },
    select: {
      id: true,
      organizationId: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      defaultLocale: true,
      versionId: true,
      weighting: { select: { computedAt: true } },
    },
  });
  if (!survey) {
    const seen = await db.survey.findFirst({
      where: { slug, organizationId: { in: organizationsWhere(actor, "viewer") } },
      select: { id: true },
    });
    return { status: seen ? "forbidden" : "not_found" };
  }
  // DISTINCT in PostgreSQL: Prisma's `distinct` reads every response into memory and dedupes there.
  const used = await db.$queryRaw<{ version_id: string }[]>`
    SELECT DISTINCT version_id FROM response WHERE survey_id = ${survey.id}::uuid`;
  const versionIds = [survey.versionId, ...used.map((u) => u.version_id).filter((id) => id !== survey.versionId)];
  const versions = await db.questionnaireVersion.findMany({
    where: { id: { in: versionIds } },
    select: { id: true, definition: true },
  });
  const definitions = versionIds
    .map((id) => versions.find((v) => v.id === id))
    .filter((v) => v !== undefined)
    .map((v) => QuestionnaireDefinitionSchema.parse(v.definition));
  const { weighting, ...rest } = survey;
  return { status: "ok", survey: { ...rest, definitions, weighted: Boolean(weighting?.computedAt) } };
}
