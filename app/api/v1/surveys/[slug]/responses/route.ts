// POST /api/v1/surveys/{slug}/responses: a respondent's answers, complete or a partial save.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readJsonBody } from "@/lib/http/api-response";
import { clientAddress } from "@/lib/http/client-address";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { rateLimited, submissionHttpResponse } from "@/lib/responses/submission-http";
import { MAX_SUBMISSION_BYTES, SubmissionSchema } from "@/lib/responses/submission-schema";
import { submitResponse } from "@/lib/responses/submit-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const limit = await hitRateLimit({
    db,
    key: `responses:${clientAddress(request.headers)}`,
    limit: env().RESPONSES_RATE_LIMIT_PER_MINUTE,
  });
  if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  const body = await readJsonBody(request, SubmissionSchema, MAX_SUBMISSION_BYTES);
  if ("response" in body) return body.response;
  const outcome = await submitResponse({ db, slug, submission: body.data });
  return submissionHttpResponse(outcome, body.data.locale);
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed("POST");
