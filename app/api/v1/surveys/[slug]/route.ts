// GET /api/v1/surveys/{slug}: the published questionnaire version of an open survey (public).
import { db } from "@/lib/db/client";
import { answer, notFound } from "@/lib/http/api-response";
import { PublicSurveySchema } from "@/lib/responses/response-api-schemas";
import { findPublicSurvey } from "@/lib/responses/public-survey";
import { surveyNotOpen } from "@/lib/responses/submission-http";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const survey = await findPublicSurvey({ db, slug });
  if (!survey) return notFound("No survey has this address.");
  if (survey.state !== "open") return surveyNotOpen(survey);
  return answer(PublicSurveySchema, {
    slug: survey.slug,
    title: survey.title,
    defaultLocale: survey.defaultLocale,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    requiresToken: survey.requiresToken,
    definition: survey.definition,
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
