// Where a respondent left off: the partial response behind a resume link (its submissionId) or
// behind an invitation token, so that the filling continues on the same or another device.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { hashInvitationToken } from "./invitation-token";
import { isUuid } from "@/lib/db/uuid";

export type ResumeState =
  | { kind: "fresh" }
  | { kind: "partial"; submissionId: string; locale: Locale; answers: Answers; startedAt: string; revision: number }
  | { kind: "complete"; completedAt: string }
  | { kind: "token_invalid" }
  | { kind: "token_used"; usedAt: string };

const RESPONSE_FIELDS = {
  submissionId: true,
  status: true,
  locale: true,
  answers: true,
  startedAt: true,
  completedAt: true,
  revision: true,
} as const;
type Found = {
  submissionId: string;
  status: "partial" | "complete";
  locale: string;
  answers: unknown;
  startedAt: Date;
  completedAt: Date | null;
  revision: number;
};

function stateOf(found: Found | null): ResumeState {
  if (!found) return { kind: "fresh" };
  if (found.status === "complete")
    return { kind: "complete", completedAt: (found.completedAt ?? found.startedAt).toISOString() };
  return {
    kind: "partial",
    submissionId: found.submissionId,
    locale: isLocale(found.locale) ? found.locale : "zh",
    answers: (found.answers ?? {}) as Answers,
    startedAt: found.startedAt.toISOString(),
    revision: found.revision,
  };
}

/** The state of the filling a submissionId names; unknown ids start afresh (nothing was saved yet). */
export async function resumeBySubmission(opts: {
  db: Db;
  surveyId: string;
  submissionId: string;
}): Promise<ResumeState> {
  if (!isUuid(opts.submissionId)) return { kind: "fresh" };
  const found = await opts.db.response.findUnique({
    where: { surveyId_submissionId: { surveyId: opts.surveyId, submissionId: opts.submissionId } },
    select: RESPONSE_FIELDS,
  });
  return stateOf(found);
}

/** The state of an invitation: not valid for this survey, already used, in progress, or not started. */
export async function resumeByToken(opts: { db: Db; surveyId: string; token: string }): Promise<ResumeState> {
  const invitation = await opts.db.invitationToken.findFirst({
    where: { tokenHash: hashInvitationToken(opts.token), collector: { surveyId: opts.surveyId } },
    select: { usedAt: true, response: { select: RESPONSE_FIELDS } },
  });
  if (!invitation) return { kind: "token_invalid" };
  if (invitation.usedAt) return { kind: "token_used", usedAt: invitation.usedAt.toISOString() };
  return stateOf(invitation.response?.status === "partial" ? invitation.response : null);
}
