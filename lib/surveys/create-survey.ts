// Fields a published questionnaire version as a survey, with an open-link collector to start.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { Prisma } from "@/lib/db/generated/client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import type { CreateSurveyInput } from "./survey-schema";
import { SlugTakenError } from "./survey-errors";
import { surveySettingsColumns } from "./update-survey";

/** The slug, or slug-2, slug-3…: the first no survey uses. */
export async function freeSlug(db: Db, slug: string): Promise<string> {
  const taken = new Set(
    (await db.survey.findMany({ where: { slug: { startsWith: slug } }, select: { slug: true } })).map((s) => s.slug),
  );
  if (!taken.has(slug)) return slug;
  for (let i = 2; ; i++) if (!taken.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

/** Null when the version is not one of the actor's organizations (as a researcher). */
export async function createSurvey(opts: { db: Db; actor: Actor; input: CreateSurveyInput }) {
  const { db, actor, input } = opts;
  const version = await db.questionnaireVersion.findFirst({
    where: { id: input.versionId, questionnaire: { organizationId: { in: organizationsWhere(actor, "researcher") } } },
    select: { id: true, questionnaire: { select: { organizationId: true } } },
  });
  if (!version) return null;
  const organizationId = version.questionnaire.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      const survey = await tx.survey.create({
        data: {
          organizationId,
          versionId: version.id,
          slug: input.slug,
          ...surveySettingsColumns(input),
          collectors: { create: { kind: "link", name: "Open link" } },
        },
        select: { id: true, slug: true },
      });
      await recordEvent({
        db: tx,
        organizationId,
        actorId: actor.userId,
        action: "survey.created",
        targetType: "survey",
        targetId: survey.id,
        data: { slug: survey.slug, versionId: version.id },
      });
      return survey;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new SlugTakenError(input.slug, await freeSlug(db, input.slug));
    throw e;
  }
}
