// Automatic screening at submission (DESIGN.md §2): a complete response stays valid unless it was
// completed faster than the survey allows or repeats a firm that already answered. Pure.
import type { Answers } from "@/lib/questionnaire/answer-values";

/** The question of the Jilin template (and any template following it) asking for the firm's code. */
export const FIRM_ID_QUESTION = "firm_id";

/** Codes are compared without spaces and case: "91 220101 mA0xxx" and "91220101MA0XXX" are one firm. */
export function normalizeFirmIdentifier(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const code = raw.replace(/[\s-]+/g, "").toUpperCase();
  return code === "" ? null : code.slice(0, 64);
}

/** The invitation's firm identifier when there is one (the research team knows the firm), else the answer. */
export function firmIdentifierOf(opts: { invitationFirmIdentifier?: string | null; answers: Answers }): string | null {
  return (
    normalizeFirmIdentifier(opts.invitationFirmIdentifier) ?? normalizeFirmIdentifier(opts.answers[FIRM_ID_QUESTION])
  );
}

/**
 * When the filling started: the earliest of the client's clock and the first partial save the
 * server saw, never in the future; `now` when neither is known (so a one-shot POST counts as 0 s).
 */
export function completionTiming(opts: { now: Date; clientStartedAt?: Date | null; storedStartedAt?: Date | null }) {
  const candidates = [opts.clientStartedAt, opts.storedStartedAt, opts.now].filter(
    (d): d is Date => d instanceof Date && !Number.isNaN(d.getTime()),
  );
  const startedAt = new Date(Math.min(...candidates.map((d) => Math.min(d.getTime(), opts.now.getTime()))));
  return { startedAt, durationSeconds: Math.round((opts.now.getTime() - startedAt.getTime()) / 1000) };
}

export type Screening = { rule: "too_fast" | "duplicate_firm"; reason: string };

/** The first rule a response breaks (too fast before duplicate), with a reason naming all that apply. */
export function screeningOf(opts: {
  durationSeconds: number;
  minCompletionSeconds: number | null;
  duplicateFirm: string | null;
}): Screening | null {
  const found: Screening[] = [];
  if (opts.minCompletionSeconds && opts.durationSeconds < opts.minCompletionSeconds)
    found.push({
      rule: "too_fast",
      reason: `Completed in ${opts.durationSeconds} s; the survey's minimum is ${opts.minCompletionSeconds} s.`,
    });
  if (opts.duplicateFirm)
    found.push({ rule: "duplicate_firm", reason: `Firm ${opts.duplicateFirm} had already answered this survey.` });
  if (found.length === 0) return null;
  return { rule: found[0].rule, reason: found.map((s) => s.reason).join(" ") };
}

/** Quotas that this response would fill: the answer of their question is (or includes) their option. */
export function matchingQuotas<Q extends { questionCode: string; optionCode: string }>(
  quotas: Q[],
  answers: Answers,
): Q[] {
  return quotas.filter((q) => {
    const value = answers[q.questionCode];
    return Array.isArray(value) ? value.includes(q.optionCode) : value === q.optionCode;
  });
}
