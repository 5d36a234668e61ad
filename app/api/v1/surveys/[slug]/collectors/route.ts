// GET /api/v1/surveys/{slug}/collectors: the open link, invitation lists and paper entry, with
// the responses each brought in and the invitations used.
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { answer, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getSurvey } from "@/lib/surveys/get-survey";
import { listCollectors } from "@/lib/surveys/list-collectors";
import { CollectorListSchema } from "@/lib/surveys/survey-api-schemas";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const survey = await getSurvey({ db, actor, slug, minimum: roleFor("surveys.manage") });
  if (!survey) return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  return answer(CollectorListSchema, { collectors: await listCollectors(db, survey.id) });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
