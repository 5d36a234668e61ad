// GET /api/v1/surveys/{slug}/settings: a survey's settings, status, version and counts (members).
// PATCH: change the settings it names (dates, minimum time, small-cell threshold, public
// dashboard, embedding sites); the others stay. The slug and the version never change.
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { answer, issuesOf, readJsonBody, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getSurvey } from "@/lib/surveys/get-survey";
import {
  SURVEY_ERROR_TEXT,
  SurveyDetailSchema,
  SurveySettingsBodySchema,
  settingsFormInput,
} from "@/lib/surveys/survey-api-schemas";
import { surveyDetail } from "@/lib/surveys/survey-detail";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";
import { SurveySettingsSchema } from "@/lib/surveys/survey-schema";
import { updateSurvey } from "@/lib/surveys/update-survey";

type Ctx = { params: Promise<{ slug: string }> };
const MAX_BODY_BYTES = 16 * 1024;

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const survey = await getSurvey({ db, actor, slug, minimum: roleFor("surveys.read") });
  if (!survey) return surveyRefusal({ db, actor, slug, permission: "surveys.read" });
  return answer(SurveyDetailSchema, await surveyDetail(db, survey));
});

export const PATCH = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await ctx.params;
  const current = await getSurvey({ db, actor, slug, minimum: roleFor("surveys.manage") });
  if (!current) return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const body = await readJsonBody(request, SurveySettingsBodySchema, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  // The settings form's rules, applied to the settings as they will be after the change.
  const input = SurveySettingsSchema.safeParse(settingsFormInput(current, body.data));
  if (!input.success) return validationFailed(issuesOf(input.error, SURVEY_ERROR_TEXT));
  if (!(await updateSurvey({ db, actor, slug, input: input.data })))
    return surveyRefusal({ db, actor, slug, permission: "surveys.manage" });
  const updated = await getSurvey({ db, actor, slug });
  return answer(SurveyDetailSchema, await surveyDetail(db, updated!));
});

export const { POST, PUT, DELETE } = methodsNotAllowed("GET", "PATCH");
