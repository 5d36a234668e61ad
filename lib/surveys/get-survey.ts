// One survey of the actor's organizations, by its slug, with what its page shows.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import type { Role } from "@/lib/auth/roles";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { surveyStatus } from "./survey-status";

/** Null when no survey with that slug belongs to an organization where the actor has `minimum`. */
export async function getSurvey(opts: { db: Db; actor: Actor; slug: string; minimum?: Role }) {
  const survey = await opts.db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, opts.minimum ?? "viewer") } },
    include: {
      version: {
        select: { id: true, number: true, definition: true, questionnaire: { select: { id: true, code: true } } },
      },
    },
  });
  if (!survey) return null;
  return {
    ...survey,
    status: surveyStatus(survey),
    definition: survey.version.definition as QuestionnaireDefinition,
  };
}
