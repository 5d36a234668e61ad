// Stores a respondent's submission (DESIGN.md §5): one transaction that is idempotent on
// (survey, submissionId), refuses a save based on an older revision than the stored one, consumes
// an invitation token atomically, enforces quotas under a row lock and screens the response
// automatically. Nothing is written when any check fails. Every statement is a round trip, so the
// common case, a new complete response by open link that fills no quota, is one statement of its
// own (ADR 028); a resend, a partial save or its completion, an invitation or a quota takes the
// interactive transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Prisma } from "@/lib/db/create-client";
import { isUniqueViolation } from "@/lib/db/errors";
import { hitRateLimit, type RateLimit } from "@/lib/http/rate-limit";
import type { Answers } from "@/lib/questionnaire/answer-values";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { answerIssuesOf, answersSchemaFor, type AnswerIssue } from "@/lib/questionnaire/answer-validation";
import { toAnswerRows } from "./answer-rows";
import { contentHashOf } from "./content-hash";
import { duplicateOf } from "./duplicate-firm";
import { insertResponse } from "./insert-response";
import { hashInvitationToken } from "./invitation-token";
import { findPublicSurvey, forgetSurvey, recentOpenSurvey, rememberSurvey, type PublicSurvey } from "./public-survey";
import { matchingQuotas } from "./screening";
import {
  completeResponseColumns,
  storeInOneStatement,
  takesOneStatement,
  type NotStored,
  type StoreOptions,
} from "./store-new-complete";
import type { SubmissionInput, SubmissionResult } from "./submission-schema";

export type SubmitOutcome =
  | { kind: "stored"; created: boolean; result: SubmissionResult }
  | { kind: "not_found" }
  | { kind: "not_open"; state: "not_yet_open" | "closed"; opensAt: Date | null; closesAt: Date | null }
  | { kind: "invalid"; issues: AnswerIssue[]; definition: QuestionnaireDefinition }
  | { kind: "conflict" }
  | { kind: "stale"; revision: number; answers: Answers }
  | { kind: "token_invalid" | "token_used" | "token_required" }
  | { kind: "quota_full"; questionCode: string; optionCode: string }
  | { kind: "rate_limited"; retryAfterSeconds: number };

type Tx = Prisma.TransactionClient;
type Existing = {
  id: string;
  status: "partial" | "complete";
  content_hash: string;
  started_at: Date;
  revision: number;
  answers: Answers;
};
type Invitation = { id: string; used_at: Date | null; firm_identifier: string | null; collector_id: string };

/** Thrown inside the transaction to roll it back with an outcome for the caller. */
class Refusal extends Error {
  constructor(readonly outcome: SubmitOutcome) {
    super(outcome.kind);
  }
}

async function lockInvitation(tx: Tx, surveyId: string, token: string): Promise<Invitation> {
  const [invitation] = await tx.$queryRaw<Invitation[]>`
    SELECT t.id, t.used_at, t.firm_identifier, t.collector_id
    FROM invitation_token t JOIN collector c ON c.id = t.collector_id
    WHERE t.token_hash = ${hashInvitationToken(token)} AND c.survey_id = ${surveyId}::uuid
    FOR UPDATE OF t`;
  if (!invitation) throw new Refusal({ kind: "token_invalid" });
  if (invitation.used_at) throw new Refusal({ kind: "token_used" });
  return invitation;
}

/** Locks the quotas this response would fill (in id order, so concurrent submissions cannot deadlock) and checks room. */
async function checkQuotas(tx: Tx, survey: PublicSurvey, answers: Answers) {
  const hit = matchingQuotas(survey.quotas, answers).sort((a, b) => a.id.localeCompare(b.id));
  for (const quota of hit) {
    await tx.$queryRaw`SELECT id FROM quota WHERE id = ${quota.id}::uuid FOR UPDATE`;
    const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT r.id) AS n FROM response r JOIN answer a ON a.response_id = r.id
      WHERE r.survey_id = ${survey.id}::uuid AND r.valid
        AND a.question_code = ${quota.questionCode} AND a.option_code = ${quota.optionCode}`;
    if (Number(n) >= quota.limit)
      throw new Refusal({ kind: "quota_full", questionCode: quota.questionCode, optionCode: quota.optionCode });
  }
}

/**
 * A submission whose response is already complete: the same content again (a retry whose reply was
 * lost) is answered as stored, other content is a conflict. A complete response stays complete.
 */
function replayOfComplete(
  existing: Pick<Existing, "id" | "content_hash" | "revision">,
  o: StoreOptions,
): SubmitOutcome {
  if (existing.content_hash !== o.contentHash) return { kind: "conflict" };
  return {
    kind: "stored",
    created: false,
    result: {
      id: existing.id,
      submissionId: o.submission.submissionId,
      status: "complete",
      revision: existing.revision,
    },
  };
}

/** The replay of a resent complete submission, read without a lock; null when its response is not complete. */
async function replayFromStored(db: Db, o: StoreOptions): Promise<SubmitOutcome | null> {
  const [existing] = await db.$queryRaw<Pick<Existing, "id" | "status" | "content_hash" | "revision">[]>`
    SELECT id, status, content_hash, revision FROM response
    WHERE survey_id = ${o.survey.id}::uuid AND submission_id = ${o.submission.submissionId}::uuid`;
  return existing?.status === "complete" ? replayOfComplete(existing, o) : null;
}

async function store(tx: Tx, o: StoreOptions): Promise<SubmitOutcome> {
  const { survey, submission, answers, now } = o;
  const [existing] = await tx.$queryRaw<Existing[]>`
    SELECT id, status, content_hash, started_at, revision, answers FROM response
    WHERE survey_id = ${survey.id}::uuid AND submission_id = ${submission.submissionId}::uuid FOR UPDATE`;
  if (existing?.status === "complete") return replayOfComplete(existing, o);
  // Another device saved since this filling last loaded or saved: its answers are newer. (The same
  // answers again, say a retried save whose reply was lost, are not a conflict.)
  if (
    existing &&
    submission.revision !== undefined &&
    submission.revision !== existing.revision &&
    existing.content_hash !== o.contentHash
  ) {
    return { kind: "stale", revision: existing.revision, answers: existing.answers };
  }
  const revision = (existing?.revision ?? 0) + 1;
  if (!submission.token && survey.requiresToken) throw new Refusal({ kind: "token_required" });
  const invitation = submission.token ? await lockInvitation(tx, survey.id, submission.token) : null;
  const id = existing?.id ?? randomUUID();
  const common = {
    locale: submission.locale,
    answers: answers as Prisma.InputJsonObject,
    contentHash: o.contentHash,
    collectorId: invitation?.collector_id ?? survey.linkCollectorId,
  };
  const columns = completeResponseColumns(o, {
    startedAt: existing?.started_at,
    invitationFirmIdentifier: invitation?.firm_identifier,
  });

  if (submission.partial) {
    const data = { ...common, status: "partial" as const, startedAt: columns.timing.startedAt, revision };
    if (existing) await tx.response.update({ where: { id }, data, select: { id: true } });
    else
      await tx.response.create({
        data: { ...data, id, surveyId: survey.id, versionId: survey.versionId, submissionId: submission.submissionId },
        select: { id: true },
      });
    // The token points at the filling in progress, so the invitation link resumes it on any device.
    if (invitation) await tx.invitationToken.update({ where: { id: invitation.id }, data: { responseId: id } });
    return {
      kind: "stored",
      created: !existing,
      result: { id, submissionId: submission.submissionId, status: "partial", revision },
    };
  }

  const firm = columns.firm;
  const duplicateFirm = await duplicateOf(tx, survey.id, firm, existing?.id);
  await checkQuotas(tx, survey, answers);
  const screening = columns.screeningFor(duplicateFirm);
  const data = {
    ...common,
    status: "complete" as const,
    breakdowns: columns.breakdowns,
    firmIdentifier: firm,
    startedAt: columns.timing.startedAt,
    completedAt: now,
    durationSeconds: columns.timing.durationSeconds,
    revision,
    screenedRule: screening?.rule ?? null,
    screenedReason: screening?.reason ?? null,
    // Dated at completion, as response_store_new_complete dates it.
    screenedAt: screening ? now : null,
  };
  const rows = toAnswerRows(survey.definition, answers);
  if (existing) {
    // A response being completed was partial until now, and partial saves write no answer rows.
    await tx.response.update({ where: { id }, data, select: { id: true } });
    await tx.answer.createMany({ data: rows.map((r) => ({ ...r, surveyId: survey.id, responseId: id })) });
  } else {
    await insertResponse(
      tx,
      { ...data, id, surveyId: survey.id, versionId: survey.versionId, submissionId: submission.submissionId },
      rows,
    );
  }
  if (invitation)
    await tx.invitationToken.update({ where: { id: invitation.id }, data: { usedAt: now, responseId: id } });
  return {
    kind: "stored",
    created: true,
    result: { id, submissionId: submission.submissionId, status: "complete", revision },
  };
}

/** The answers checked against the survey's questionnaire, with the content hash; or why they are refused. */
function prepare(survey: PublicSurvey, submission: SubmissionInput, now: Date): StoreOptions | SubmitOutcome {
  const parsed = answersSchemaFor(survey.definition, { partial: submission.partial }).safeParse(submission.answers);
  if (!parsed.success) return { kind: "invalid", issues: answerIssuesOf(parsed.error), definition: survey.definition };
  const contentHash = contentHashOf({
    locale: submission.locale,
    answers: submission.answers,
    token: submission.token,
  });
  return { survey, submission, answers: parsed.data, contentHash, now };
}

/**
 * Stores a submission, counting its request against `rateLimit` when given (the public endpoint
 * does; internal callers need not).
 */
export async function submitResponse(opts: {
  db: Db;
  slug: string;
  submission: SubmissionInput;
  rateLimit?: RateLimit;
  now?: Date;
}): Promise<SubmitOutcome> {
  const { db, submission } = opts;
  const now = opts.now ?? new Date();

  // Most submissions are new complete ones by open link: stored in one statement, with the rate
  // limit, from this server's copy of the survey, which that statement verifies (ADR 028).
  // Anything else, or a copy out of date, starts again from the survey read afresh.
  const recent = recentOpenSurvey(opts.slug, now);
  const fromRecent = recent && prepare(recent, submission, now);
  let tried: NotStored | null = null;
  if (fromRecent && "survey" in fromRecent && takesOneStatement(fromRecent)) {
    const outcome = await storeInOneStatement(db, fromRecent, opts.rateLimit);
    if (typeof outcome !== "string") return outcome;
    // A resend, most often of a complete response: answered from the stored row at once.
    const replay = outcome === "exists" && (await replayFromStored(db, fromRecent));
    if (replay) return replay;
    tried = outcome;
  }
  if (opts.rateLimit && (tried === null || tried === "raced")) {
    const limit = await hitRateLimit({ db, ...opts.rateLimit, now });
    if (!limit.allowed) return { kind: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const survey = await findPublicSurvey({ db, slug: opts.slug, now });
  if (!survey) {
    forgetSurvey(opts.slug);
    return { kind: "not_found" };
  }
  rememberSurvey(survey);
  if (survey.state !== "open")
    return { kind: "not_open", state: survey.state, opensAt: survey.opensAt, closesAt: survey.closesAt };
  const options = prepare(survey, submission, now);
  if (!("survey" in options)) return options;
  // The request is counted by now: this try of the one statement counts nothing.
  if (tried !== "exists" && tried !== "raced" && takesOneStatement(options)) {
    const outcome = await storeInOneStatement(db, options, undefined);
    if (typeof outcome !== "string") return outcome;
  }

  // Two first sends of one submission race to insert; the loser's unique violation means the
  // winner committed, and its second attempt is then an ordinary replay (200 or 409).
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => store(tx, options), { timeout: 15_000, maxWait: 15_000 });
    } catch (e) {
      if (e instanceof Refusal) return e.outcome;
      if (attempt === 0 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
