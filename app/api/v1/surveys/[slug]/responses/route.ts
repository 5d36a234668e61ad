// POST /api/v1/surveys/{slug}/responses: a respondent's answers, complete or a partial save. In
// production the app server answers it before Next.js does (scripts/serve.ts, ADR 029), with the
// same receiveSubmission; this handler serves it under `npm run dev`.
// GET (researchers): the survey's responses page by page, oldest completion first, filtered by
// state, collector, completion dates and breakdown values as the dashboard filters them.
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { parseResultsFilter } from "@/lib/analytics/dashboard-schema";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { db } from "@/lib/db/client";
import { decodeCursor } from "@/lib/http/cursor";
import { answer, readBodyText, readQuery, toResponse, unauthorized, validationFailed } from "@/lib/http/api-response";
import { listResponsePage } from "@/lib/responses/list-responses";
import {
  RESPONSE_LIST_PARAMS,
  ResponseCursorSchema,
  ResponseListQuerySchema,
  ResponsePageSchema,
} from "@/lib/responses/response-api-schemas";
import { receiveSubmission, submissionRateLimit } from "@/lib/responses/submission-http";
import { MAX_SUBMISSION_BYTES } from "@/lib/responses/submission-schema";
import { getSurvey } from "@/lib/surveys/get-survey";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const body = await readBodyText(request, MAX_SUBMISSION_BYTES);
  return toResponse(await receiveSubmission({ db, body, slug, rateLimit: submissionRateLimit(request.headers) }));
});

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { slug } = await params;
  const survey = await getSurvey({ db, actor, slug, minimum: roleFor("responses.read") });
  if (!survey) return surveyRefusal({ db, actor, slug, permission: "responses.read" });
  const search = new URL(request.url).searchParams;
  const query = readQuery(search, ResponseListQuerySchema);
  if ("response" in query) return query.response;
  // Everything but the list's own parameters is the dashboard's filter: dates and breakdowns.
  const filterParams = new URLSearchParams([...search].filter(([key]) => !RESPONSE_LIST_PARAMS.includes(key)));
  const filter = parseResultsFilter(filterParams, surveyBreakdowns(survey.definition));
  if ("issues" in filter) return validationFailed(filter.issues, "The filter is not valid.");
  const after = query.data.cursor ? decodeCursor(query.data.cursor, ResponseCursorSchema) : undefined;
  if (after === null) return validationFailed([{ path: ["cursor"], message: "This is not a cursor of this list." }]);
  const page = await listResponsePage({
    db,
    surveyId: survey.id,
    request: {
      status: query.data.status,
      collectorId: query.data.collector,
      filter: filter.filter,
      after,
      limit: query.data.limit,
    },
  });
  return answer(ResponsePageSchema, page, { headers: { "Cache-Control": "private, no-store" } });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("POST", "GET");
