// GET /api/v1/surveys: the surveys of the caller's organization (?organization=<slug> picks another).
// POST: field a published questionnaire version as a new survey, with an open link to start.
import { getActor } from "@/lib/auth/actor";
import { requestedOrganization } from "@/lib/auth/current-organization";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import {
  answer,
  apiError,
  forbidden,
  issuesOf,
  readJsonBody,
  unauthorized,
  validationFailed,
} from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { createSurvey } from "@/lib/surveys/create-survey";
import { getSurvey } from "@/lib/surveys/get-survey";
import { listSurveys } from "@/lib/surveys/list-surveys";
import {
  CreateSurveyBodySchema,
  NEW_SURVEY_FORM_DEFAULTS,
  SURVEY_ERROR_TEXT,
  SurveyDetailSchema,
  SurveyListSchema,
} from "@/lib/surveys/survey-api-schemas";
import { surveyDetail } from "@/lib/surveys/survey-detail";
import { SlugTakenError } from "@/lib/surveys/survey-errors";
import { CreateSurveySchema } from "@/lib/surveys/survey-schema";

const MAX_BODY_BYTES = 16 * 1024;

export const GET = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const organization = await requestedOrganization(actor, new URL(request.url).searchParams.get("organization"));
  if (!organization || !can(organization.role, "surveys.read"))
    return forbidden("Listing surveys needs membership of the organization.");
  const surveys = await listSurveys({ db, actor, organizationId: organization.id });
  return answer(SurveyListSchema, {
    surveys: surveys.map((s) => ({
      id: s.id,
      slug: s.slug,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      status: s.status,
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      version: { number: s.version.number, questionnaireCode: s.version.questionnaire.code },
      delivered: s.delivered,
      valid: s.valid,
    })),
  });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  if (!actor.memberships.some((m) => can(m.role, "surveys.manage")))
    return forbidden("Creating a survey needs the researcher role.");
  const body = await readJsonBody(request, CreateSurveyBodySchema, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  // The survey form's rules, word for word.
  const input = CreateSurveySchema.safeParse({ ...NEW_SURVEY_FORM_DEFAULTS, ...body.data });
  if (!input.success) return validationFailed(issuesOf(input.error, SURVEY_ERROR_TEXT));
  try {
    const created = await createSurvey({ db, actor, input: input.data });
    if (!created) return validationFailed([{ path: ["versionId"], message: SURVEY_ERROR_TEXT.versionRequired }]);
    const survey = await getSurvey({ db, actor, slug: created.slug });
    return answer(SurveyDetailSchema, await surveyDetail(db, survey!), {
      status: 201,
      headers: { Location: `/api/v1/surveys/${created.slug}/settings` },
    });
  } catch (e) {
    if (e instanceof SlugTakenError)
      return apiError(409, "slug_taken", e.message, { slug: e.slug, suggestion: e.suggestion });
    throw e;
  }
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
