// How the public API answers a submission outcome (DESIGN.md §5). Messages are for developers;
// the respondent form words each `error` code in the respondent's language itself.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { answer, apiError, readJsonBody } from "@/lib/http/api-response";
import { hitRateLimit, type RateLimit } from "@/lib/http/rate-limit";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { answerIssuesForApi } from "./answer-issues-for-api";
import { MAX_SUBMISSION_BYTES, SubmissionResultSchema, SubmissionSchema } from "./submission-schema";
import type { PublicSurvey } from "./public-survey";
import { submitResponse, type SubmitOutcome } from "./submit-response";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 410 body shared by GET and POST: the survey exists but does not take answers now. */
export function surveyNotOpen(survey: Pick<PublicSurvey, "state" | "opensAt" | "closesAt">) {
  return survey.state === "not_yet_open"
    ? apiError(410, "survey_not_open", `This survey opens on ${iso(survey.opensAt)}.`, {
        opensAt: iso(survey.opensAt),
        closesAt: iso(survey.closesAt),
      })
    : apiError(410, "survey_closed", `This survey closed on ${iso(survey.closesAt)}.`, {
        opensAt: iso(survey.opensAt),
        closesAt: iso(survey.closesAt),
      });
}

export function submissionHttpResponse(outcome: SubmitOutcome, locale: Locale): Response {
  switch (outcome.kind) {
    case "stored":
      return answer(SubmissionResultSchema, outcome.result, { status: outcome.created ? 201 : 200 });
    case "not_found":
      return apiError(404, "not_found", "No survey has this address.");
    case "not_open":
      return surveyNotOpen(outcome);
    case "invalid":
      return apiError(422, "validation_failed", "Some answers are not valid; see issues.", {
        issues: answerIssuesForApi(outcome.issues, outcome.definition, locale),
      });
    case "conflict":
      return apiError(
        409,
        "submission_conflict",
        "This submissionId was already used for a response with other content.",
      );
    case "stale":
      return apiError(
        409,
        "stale_revision",
        `Newer answers (revision ${outcome.revision}) were saved since this filling's revision; nothing was stored. They are included.`,
        {
          revision: outcome.revision,
          answers: outcome.answers,
        },
      );
    case "token_invalid":
      return apiError(403, "token_invalid", "The invitation token is not valid for this survey.");
    case "token_used":
      return apiError(403, "token_used", "The invitation token has already been used to submit a response.");
    case "token_required":
      return apiError(
        403,
        "token_required",
        "This survey takes answers by invitation only: send the invitation token.",
      );
    case "rate_limited":
      return rateLimited(outcome.retryAfterSeconds);
    case "quota_full":
      return apiError(409, "quota_full", `The quota for ${outcome.questionCode} = ${outcome.optionCode} is full.`, {
        quota: { question: outcome.questionCode, option: outcome.optionCode },
      });
  }
}

export function rateLimited(retryAfterSeconds: number): Response {
  const response = apiError(
    429,
    "rate_limited",
    `Too many requests from this address; try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
  response.headers.set("Retry-After", String(retryAfterSeconds));
  return response;
}

/**
 * A submission received over HTTP: its body read and checked, stored, and answered. Every request
 * counts once against the client's `rateLimit`: the store counts those it is given (in its own
 * statement when it can), this counts the bodies refused before it (at most MAX_SUBMISSION_BYTES
 * read, also from a client over its limit).
 */
export async function receiveSubmission(opts: {
  db: Db;
  request: Request;
  slug: string;
  rateLimit: RateLimit;
}): Promise<Response> {
  const body = await readJsonBody(opts.request, SubmissionSchema, MAX_SUBMISSION_BYTES);
  if ("response" in body) {
    const limit = await hitRateLimit({ db: opts.db, ...opts.rateLimit });
    return limit.allowed ? body.response : rateLimited(limit.retryAfterSeconds);
  }
  const outcome = await submitResponse({
    db: opts.db,
    slug: opts.slug,
    submission: body.data,
    rateLimit: opts.rateLimit,
  });
  return submissionHttpResponse(outcome, body.data.locale);
}
