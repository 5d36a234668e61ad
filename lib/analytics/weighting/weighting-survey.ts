// The survey whose weighting an actor reads or changes, found within their organizations with the
// role the permission table gives (changing: surveys.manage; reading: surveys.read). Another
// organization's survey is "not found"; one of the actor's own with too low a role, "forbidden".
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor, type Permission } from "@/lib/auth/permissions";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { surveyBreakdowns, type SurveyBreakdown } from "../survey-breakdowns";

export type WeightingSurvey = { id: string; organizationId: string; slug: string; breakdowns: SurveyBreakdown[] };

export async function findWeightingSurvey(
  db: Db,
  actor: Actor,
  slug: string,
  permission: Extract<Permission, "surveys.manage" | "surveys.read">,
): Promise<{ status: "ok"; survey: WeightingSurvey } | { status: "forbidden" | "not_found" }> {
  const survey = await db.survey.findFirst({
    where: { slug, organizationId: { in: organizationsWhere(actor, roleFor(permission)) } },
    select: { id: true, organizationId: true, slug: true, version: { select: { definition: true } } },
  });
  if (!survey) {
    const seen = await db.survey.count({
      where: { slug, organizationId: { in: organizationsWhere(actor, "viewer") } },
    });
    return { status: seen ? "forbidden" : "not_found" };
  }
  const breakdowns = surveyBreakdowns(QuestionnaireDefinitionSchema.parse(survey.version.definition));
  return {
    status: "ok",
    survey: { id: survey.id, organizationId: survey.organizationId, slug: survey.slug, breakdowns },
  };
}
