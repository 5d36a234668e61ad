// Paper entry: a researcher keys in a questionnaire a firm filled in on paper. The answers pass
// the same validation as online ones and become the same answer rows; the response is marked as
// coming from the survey's paper collector. Unlike online answers it may be keyed in after the
// survey closed, is not timed (typing speed says nothing about the firm) and is not refused by a
// full quota (the firm has already answered); a firm that already answered is still screened out.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Prisma } from "@/lib/db/generated/client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { recordEvent } from "@/lib/audit/record-event";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { answerIssuesOf, answersSchemaFor, type AnswerIssue } from "@/lib/questionnaire/answer-validation";
import { breakdownsOf, toAnswerRows } from "./answer-rows";
import { contentHashOf } from "./content-hash";
import { duplicateOf } from "./duplicate-firm";
import { definitionOf } from "./public-survey";
import { firmIdentifierOf, screeningOf } from "./screening";

export const PAPER_COLLECTOR_NAME = "Paper entry";

export type PaperEntryOutcome =
  | { kind: "stored"; id: string; created: boolean; screened: boolean }
  | { kind: "not_found" }
  | { kind: "invalid"; issues: AnswerIssue[] };

export async function enterPaperResponse(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  /** Chosen by the form, so a double click or a retry stores the questionnaire once. */
  submissionId: string;
  locale: Locale;
  answers: unknown;
}): Promise<PaperEntryOutcome> {
  const { db, actor } = opts;
  const survey = await db.survey.findFirst({
    where: { slug: opts.slug, organizationId: { in: organizationsWhere(actor, "researcher") } },
    select: { id: true, organizationId: true, versionId: true },
  });
  if (!survey) return { kind: "not_found" };
  const definition = await definitionOf(db, survey.versionId);
  const parsed = answersSchemaFor(definition).safeParse(opts.answers);
  if (!parsed.success) return { kind: "invalid", issues: answerIssuesOf(parsed.error) };
  const answers = parsed.data;

  return db.$transaction(async (tx) => {
    const existing = await tx.response.findUnique({
      where: { surveyId_submissionId: { surveyId: survey.id, submissionId: opts.submissionId } },
      select: { id: true, screenedAt: true },
    });
    if (existing)
      return { kind: "stored" as const, id: existing.id, created: false, screened: existing.screenedAt !== null };

    const collector =
      (await tx.collector.findFirst({
        where: { surveyId: survey.id, kind: "paper" },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      })) ??
      (await tx.collector.create({
        data: { surveyId: survey.id, kind: "paper", name: PAPER_COLLECTOR_NAME },
        select: { id: true },
      }));
    const firm = firmIdentifierOf({ answers });
    const duplicateFirm = await duplicateOf(tx, survey.id, firm, undefined);
    const screening = screeningOf({ durationSeconds: 0, minCompletionSeconds: null, duplicateFirm });
    const now = new Date();
    const created = await tx.response.create({
      data: {
        surveyId: survey.id,
        versionId: survey.versionId,
        collectorId: collector.id,
        submissionId: opts.submissionId,
        status: "complete",
        locale: opts.locale,
        answers: answers as Prisma.InputJsonObject,
        breakdowns: breakdownsOf(definition, answers),
        contentHash: contentHashOf({ locale: opts.locale, answers }),
        firmIdentifier: firm,
        startedAt: now,
        completedAt: now,
        screenedRule: screening?.rule ?? null,
        screenedReason: screening?.reason ?? null,
        screenedAt: screening ? now : null,
        answerRows: {
          createMany: { data: toAnswerRows(definition, answers).map((r) => ({ ...r, surveyId: survey.id })) },
        },
      },
      select: { id: true },
    });
    await recordEvent({
      db: tx,
      organizationId: survey.organizationId,
      actorId: actor.userId,
      action: "response.entered",
      targetType: "response",
      targetId: created.id,
      data: { survey: opts.slug, collector: "paper" },
    });
    return { kind: "stored" as const, id: created.id, created: true, screened: screening !== null };
  });
}
