// Imports the responses of a file into a survey, all or nothing: the dry run's preparation first
// (any problem: nothing is stored), then one transaction that writes every row in batches, with
// progress reported after each batch. Each response goes in like a paper entry (the same answer
// check, answer rows, breakdowns and duplicate-firm rule, through insertResponse, so the
// result-cell triggers count it), marked with a collector of its own that names the file, and
// dated by the file's completion dates. A screening rule the file carries (an earlier wave's
// screening) is kept.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { breakdownsOf, toAnswerRows } from "../answer-rows";
import { contentHashOf } from "../content-hash";
import { duplicateOf } from "../duplicate-firm";
import { insertResponse } from "../insert-response";
import { screeningOf } from "../screening";
import { dryRunImport } from "./dry-run-import";
import type { ImportProblem } from "./import-problem";
import type { ColumnMapping } from "./map-columns";

/** Rows written between two progress reports. */
export const IMPORT_BATCH_SIZE = 100;

export type ImportOutcome =
  | { kind: "not_found" }
  | { kind: "unreadable" }
  | { kind: "invalid"; problems: ImportProblem[] }
  | { kind: "imported"; imported: number; screened: number; collectorId: string };

export async function importResponses(opts: {
  db: Db;
  actor: Actor;
  slug: string;
  bytes: Uint8Array;
  fileName: string;
  mapping?: ColumnMapping;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  now?: Date;
}): Promise<ImportOutcome> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const dry = await dryRunImport({ ...opts, now });
  if (dry.kind !== "prepared") return dry;
  const { prepared } = dry;
  if (prepared.problems.length) return { kind: "invalid", problems: prepared.problems };
  const { survey, definition, rows } = prepared;

  return db.$transaction(
    async (tx) => {
      const collector = await tx.collector.create({
        data: { surveyId: survey.id, kind: "paper", name: `Import: ${opts.fileName.slice(0, 200)}` },
        select: { id: true },
      });
      let screened = 0;
      for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
        for (const r of rows.slice(start, start + IMPORT_BATCH_SIZE)) {
          const completedAt = r.completedAt ?? now;
          const startedAt =
            r.startedAt ??
            (r.durationSeconds !== null ? new Date(completedAt.getTime() - r.durationSeconds * 1000) : completedAt);
          const durationSeconds =
            r.durationSeconds ??
            (r.startedAt ? Math.round((completedAt.getTime() - startedAt.getTime()) / 1000) : null);
          const duplicateFirm = await duplicateOf(tx, survey.id, r.firmIdentifier, undefined);
          const screening = r.screenedRule
            ? { rule: r.screenedRule, reason: r.screenedReason ?? "" }
            : screeningOf({ durationSeconds: durationSeconds ?? 0, minCompletionSeconds: null, duplicateFirm });
          if (screening) screened++;
          const locale = r.locale ?? (survey.defaultLocale === "en" ? "en" : "zh");
          await insertResponse(
            tx,
            {
              id: crypto.randomUUID(),
              surveyId: survey.id,
              versionId: survey.versionId,
              collectorId: collector.id,
              submissionId: r.submissionId,
              status: "complete",
              locale,
              answers: r.answers,
              breakdowns: breakdownsOf(definition, r.answers),
              contentHash: contentHashOf({ locale, answers: r.answers }),
              firmIdentifier: r.firmIdentifier,
              startedAt,
              completedAt,
              durationSeconds,
              revision: 1,
              screenedRule: screening?.rule ?? null,
              screenedReason: screening?.reason ?? null,
              screenedAt: screening ? now : null,
            },
            toAnswerRows(definition, r.answers),
          );
        }
        await opts.onProgress?.(Math.min(start + IMPORT_BATCH_SIZE, rows.length), rows.length);
      }
      await recordEvent({
        db: tx,
        organizationId: survey.organizationId,
        actorId: opts.actor.userId,
        action: "responses.imported",
        targetType: "survey",
        targetId: survey.id,
        data: { survey: survey.slug, file: opts.fileName.slice(0, 200), imported: rows.length, screened },
      });
      return { kind: "imported" as const, imported: rows.length, screened, collectorId: collector.id };
    },
    { timeout: 10 * 60_000, maxWait: 15_000 },
  );
}
