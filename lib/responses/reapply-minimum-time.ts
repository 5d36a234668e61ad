// Applies a survey's minimum completion time, as it is now, to the responses already stored: a
// valid complete response completed faster is screened out as too fast; one screened as too fast
// that the minimum no longer catches returns to the valid set, unless it repeats a firm (then it
// stays out, as a duplicate). Screenings by hand and for duplicate firms are left alone. One
// transaction; the audit log records the minimum and the counts. The cells follow through the
// response triggers, in the same transaction.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { roleFor } from "@/lib/auth/permissions";
import { recordEvent } from "@/lib/audit/record-event";
import { duplicateOf } from "./duplicate-firm";
import { screeningOf } from "./screening";

export type ReapplyOutcome =
  { kind: "not_found" } | { kind: "done"; minCompletionSeconds: number | null; screened: number; restored: number };

export async function reapplyMinimumTime(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  now?: Date;
}): Promise<ReapplyOutcome> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(
    async (tx) => {
      const survey = await tx.survey.findFirst({
        where: { slug: opts.slug, organizationId: { in: organizationsWhere(opts.actor, roleFor("responses.write")) } },
        select: { id: true, organizationId: true, minCompletionSeconds: true },
      });
      if (!survey) return { kind: "not_found" as const };
      const min = survey.minCompletionSeconds;
      const tooFast = min
        ? await tx.response.findMany({
            where: { surveyId: survey.id, status: "complete", screenedRule: null, durationSeconds: { lt: min } },
            select: { id: true, durationSeconds: true },
          })
        : [];
      for (const r of tooFast) {
        const screening = screeningOf({
          durationSeconds: r.durationSeconds ?? 0,
          minCompletionSeconds: min,
          duplicateFirm: null,
        })!;
        await tx.response.update({
          where: { id: r.id },
          data: {
            screenedRule: "too_fast",
            screenedReason: screening.reason,
            screenedAt: now,
            screenedById: opts.actor.userId,
          },
        });
      }
      const caughtBefore = await tx.response.findMany({
        where: {
          surveyId: survey.id,
          screenedRule: "too_fast",
          ...(min ? { OR: [{ durationSeconds: { gte: min } }, { durationSeconds: null }] } : {}),
        },
        select: { id: true, firmIdentifier: true },
      });
      let restored = 0;
      for (const r of caughtBefore) {
        const duplicate = await duplicateOf(tx, survey.id, r.firmIdentifier, r.id);
        const screening = duplicate
          ? screeningOf({ durationSeconds: 0, minCompletionSeconds: null, duplicateFirm: duplicate })
          : null;
        await tx.response.update({
          where: { id: r.id },
          data: screening
            ? {
                screenedRule: screening.rule,
                screenedReason: screening.reason,
                screenedAt: now,
                screenedById: opts.actor.userId,
              }
            : { screenedRule: null, screenedReason: null, screenedAt: null, screenedById: null },
        });
        if (!screening) restored++;
      }
      await recordEvent({
        db: tx,
        organizationId: survey.organizationId,
        actorId: opts.actor.userId,
        action: "responses.rescreened",
        targetType: "survey",
        targetId: survey.id,
        data: { minCompletionSeconds: min, screened: tooFast.length, restored },
      });
      return { kind: "done" as const, minCompletionSeconds: min, screened: tooFast.length, restored };
    },
    { timeout: 5 * 60_000, maxWait: 15_000 },
  );
}
