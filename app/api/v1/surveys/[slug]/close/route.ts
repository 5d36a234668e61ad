// POST /api/v1/surveys/{slug}/close: the survey takes no more responses from now on.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answer, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { closeSurvey } from "@/lib/surveys/close-survey";
import { getSurvey } from "@/lib/surveys/get-survey";
import { SurveyDetailSchema } from "@/lib/surveys/survey-api-schemas";
import { surveyDetail } from "@/lib/surveys/survey-detail";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";

export const POST = apiRoute(async (request: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  if (!(await closeSurvey({ db, actor, slug })))
    return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const survey = await getSurvey({ db, actor, slug });
  return answer(SurveyDetailSchema, await surveyDetail(db, survey!));
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
