// How the public API answers a submission outcome (DESIGN.md §5). Messages are for developers;
// the respondent form words each `error` code in the respondent's language itself.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { z } from "zod";
import { errorAnswer, parseJsonBody, toResponse, type JsonAnswer } from "@/lib/http/api-response";
import { clientAddress } from "@/lib/http/client-address";
import { hitRateLimit, type RateLimit } from "@/lib/http/rate-limit";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { answerIssuesForApi } from "./answer-issues-for-api";
import { MAX_SUBMISSION_BYTES, SubmissionResultSchema, SubmissionSchema } from "./submission-schema";
import type { PublicSurvey } from "./public-survey";
import { submitResponse, type SubmitOutcome } from "./submit-response";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** 410 body shared by GET and POST: the survey exists but does not take answers now. */
function surveyNotOpenAnswer(survey: Pick<PublicSurvey, "state" | "opensAt" | "closesAt">): JsonAnswer {
  const dates = { opensAt: iso(survey.opensAt), closesAt: iso(survey.closesAt) };
  return survey.state === "not_yet_open"
    ? errorAnswer(410, "survey_not_open", `This survey opens on ${dates.opensAt}.`, dates)
    : errorAnswer(410, "survey_closed", `This survey closed on ${dates.closesAt}.`, dates);
}

export const surveyNotOpen = (survey: Pick<PublicSurvey, "state" | "opensAt" | "closesAt">) =>
  toResponse(surveyNotOpenAnswer(survey));

export function submissionAnswer(outcome: SubmitOutcome, locale: Locale): JsonAnswer {
  switch (outcome.kind) {
    case "stored":
      return { status: outcome.created ? 201 : 200, body: z.encode(SubmissionResultSchema, outcome.result) };
    case "not_found":
      return errorAnswer(404, "not_found", "No survey has this address.");
    case "not_open":
      return surveyNotOpenAnswer(outcome);
    case "invalid":
      return errorAnswer(422, "validation_failed", "Some answers are not valid; see issues.", {
        issues: answerIssuesForApi(outcome.issues, outcome.definition, locale),
      });
    case "conflict":
      return errorAnswer(
        409,
        "submission_conflict",
        "This submissionId was already used for a response with other content.",
      );
    case "stale":
      return errorAnswer(
        409,
        "stale_revision",
        `Newer answers (revision ${outcome.revision}) were saved since this filling's revision; nothing was stored. They are included.`,
        { revision: outcome.revision, answers: outcome.answers },
      );
    case "token_invalid":
      return errorAnswer(403, "token_invalid", "The invitation token is not valid for this survey.");
    case "token_used":
      return errorAnswer(403, "token_used", "The invitation token has already been used to submit a response.");
    case "token_required":
      return errorAnswer(
        403,
        "token_required",
        "This survey takes answers by invitation only: send the invitation token.",
      );
    case "rate_limited":
      return rateLimited(outcome.retryAfterSeconds);
    case "quota_full":
      return errorAnswer(409, "quota_full", `The quota for ${outcome.questionCode} = ${outcome.optionCode} is full.`, {
        quota: { question: outcome.questionCode, option: outcome.optionCode },
      });
  }
}

function rateLimited(retryAfterSeconds: number): JsonAnswer {
  return {
    ...errorAnswer(
      429,
      "rate_limited",
      `Too many requests from this address; try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    ),
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}

/** The limit a submission counts against: its client address's, RESPONSES_RATE_LIMIT_PER_MINUTE. */
export function submissionRateLimit(headers: Parameters<typeof clientAddress>[0]): RateLimit {
  return { key: `responses:${clientAddress(headers)}`, limit: env().RESPONSES_RATE_LIMIT_PER_MINUTE };
}

/**
 * A submission received over HTTP: its body (`null` when it was larger than MAX_SUBMISSION_BYTES,
 * of which no more is read) checked, stored, and answered. Every request counts once against the
 * client's `rateLimit`: the store counts those it is given (in its own statement when it can), this
 * counts the bodies refused before it, also from a client over its limit.
 */
export async function receiveSubmission(opts: {
  db: Db;
  body: string | null;
  slug: string;
  rateLimit: RateLimit;
}): Promise<JsonAnswer> {
  const body = parseJsonBody(opts.body, SubmissionSchema, MAX_SUBMISSION_BYTES);
  if ("answer" in body) {
    const limit = await hitRateLimit({ db: opts.db, ...opts.rateLimit });
    return limit.allowed ? body.answer : rateLimited(limit.retryAfterSeconds);
  }
  const outcome = await submitResponse({
    db: opts.db,
    slug: opts.slug,
    submission: body.data,
    rateLimit: opts.rateLimit,
  });
  return submissionAnswer(outcome, body.data.locale);
}
