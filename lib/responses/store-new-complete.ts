// The one-statement store of a new complete submission by open link (ADR 028): the common case
// of the platform's hottest write, one round trip instead of the interactive transaction's eight.
// The statement is prisma/sql/responses/01-store-response.sql's response_store_new_complete.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { rateLimitWindow, sweepExpiredAddressesSometimes, type RateLimit } from "@/lib/http/rate-limit";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { breakdownsOf, toAnswerRows } from "./answer-rows";
import type { PublicSurvey } from "./public-survey";
import { completionTiming, firmIdentifierOf, matchingQuotas, screeningOf } from "./screening";
import type { SubmissionInput } from "./submission-schema";
import type { SubmitOutcome } from "./submit-response";

/** The submission checked against the survey's questionnaire, ready to store. */
export type StoreOptions = {
  survey: PublicSurvey;
  submission: SubmissionInput;
  answers: Answers;
  contentHash: string;
  now: Date;
};

/** Why the statement did not store: see storeInOneStatement. */
export type NotStored = "exists" | "changed" | "raced";

const SUBMISSION_ID_INDEX = "response_survey_id_submission_id_key";

/**
 * What a complete response's columns are, for either path: its timing, its firm (the
 * invitation's or the answered one), its breakdowns, and its screening as a function of whether
 * the firm had already answered (lib/responses/screening.ts decides both).
 */
export function completeResponseColumns(
  o: StoreOptions,
  stored?: { startedAt?: Date; invitationFirmIdentifier?: string | null },
) {
  const timing = completionTiming({
    now: o.now,
    clientStartedAt: o.submission.startedAt ? new Date(o.submission.startedAt) : null,
    storedStartedAt: stored?.startedAt,
  });
  return {
    timing,
    firm: firmIdentifierOf({ invitationFirmIdentifier: stored?.invitationFirmIdentifier, answers: o.answers }),
    breakdowns: breakdownsOf(o.survey.definition, o.answers),
    screeningFor: (duplicateFirm: string | null) =>
      screeningOf({
        durationSeconds: timing.durationSeconds,
        minCompletionSeconds: o.survey.minCompletionSeconds,
        duplicateFirm,
      }),
  };
}

/** Whether the submission can be stored in one statement: a new complete one by open link that fills no quota. */
export const takesOneStatement = (o: StoreOptions) =>
  !o.submission.partial &&
  !o.submission.token &&
  !o.survey.requiresToken &&
  matchingQuotas(o.survey.quotas, o.answers).length === 0;

/**
 * Stores a new complete response in one statement, counting the request against `rateLimit`
 * when given; or says why it did not store: "exists" (this submission id is taken) or "changed"
 * (the survey's settings changed since `o.survey` was read), both with the request counted, or
 * "raced" (a first send of the same submission won; the statement, count included, rolled back).
 * Any other failure rolls the count back too and reaches the caller as an error.
 */
export async function storeInOneStatement(
  db: Db,
  o: StoreOptions,
  rateLimit: RateLimit | undefined,
): Promise<SubmitOutcome | NotStored> {
  const { survey, submission, now } = o;
  const columns = completeResponseColumns(o);
  const screening = columns.screeningFor(null);
  const ifDuplicate = columns.screeningFor(columns.firm);
  const window = rateLimit ? rateLimitWindow(rateLimit, now) : null;
  const id = randomUUID();
  let outcome: "stored" | "exists" | "changed" | "limited";
  try {
    [{ outcome }] = await db.$queryRaw<{ outcome: "stored" | "exists" | "changed" | "limited" }[]>`
      SELECT response_store_new_complete(${id}::uuid, ${survey.id}::uuid, ${survey.versionId}::uuid,
        ${survey.linkCollectorId}::uuid, ${submission.submissionId}::uuid, ${submission.locale},
        ${JSON.stringify(o.answers)}::jsonb, ${JSON.stringify(columns.breakdowns)}::jsonb, ${o.contentHash},
        ${columns.firm}, ${columns.timing.startedAt}::timestamp, ${now}::timestamp,
        ${columns.timing.durationSeconds}::int, ${JSON.stringify(toAnswerRows(survey.definition, o.answers))}::jsonb,
        ${screening?.rule ?? null}::"ScreeningRule", ${screening?.reason ?? null},
        ${ifDuplicate?.rule ?? null}::"ScreeningRule", ${ifDuplicate?.reason ?? null},
        ${survey.settingsRevision}::int, ${rateLimit?.key ?? null}, ${window?.windowStart ?? null}::timestamp,
        ${rateLimit?.limit ?? null}::int) AS outcome`;
  } catch (e) {
    if (isUniqueViolation(e, SUBMISSION_ID_INDEX)) return "raced";
    throw e;
  }
  if (rateLimit) await sweepExpiredAddressesSometimes(db, now);
  if (outcome === "limited") return { kind: "rate_limited", retryAfterSeconds: window!.retryAfterSeconds };
  if (outcome !== "stored") return outcome;
  return {
    kind: "stored",
    created: true,
    result: { id, submissionId: submission.submissionId, status: "complete", revision: 1 },
  };
}
