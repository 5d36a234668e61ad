// GET /api/v1/questionnaires/{id}: the draft and the list of published versions (with their ids,
// which POST /api/v1/surveys takes).
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { answer, notFound, unauthorized } from "@/lib/http/api-response";
import { QuestionnaireDetailSchema } from "@/lib/questionnaire/questionnaire-api-schemas";
import { getQuestionnaire } from "@/lib/questionnaire/get-questionnaire";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  const found = await getQuestionnaire({ db, actor, id, minimum: roleFor("questionnaires.read") });
  if (!found) return notFound("No questionnaire with this id.");
  return answer(QuestionnaireDetailSchema, {
    id: found.id,
    code: found.code,
    draft: found.draft,
    updatedAt: found.updatedAt,
    versions: found.versions.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt,
      surveys: v._count.surveys,
    })),
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
