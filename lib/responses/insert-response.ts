// Writes of new responses with their answer rows, each one statement (one round trip instead of
// three through Prisma's nested create, which also reads the row back): submissions are the
// platform's hottest write. The statements are SQL functions in
// prisma/sql/responses/01-store-response.sql (ADR 028).
import "server-only";
import type { Db, Prisma } from "@/lib/db/create-client";
import type { AnswerRow } from "./answer-rows";
import type { Screening } from "./screening";

type Tx = Prisma.TransactionClient;

type ResponseColumns = {
  id: string;
  surveyId: string;
  versionId: string;
  collectorId: string | null;
  submissionId: string;
  locale: string;
  answers: unknown;
  breakdowns: unknown;
  contentHash: string;
  firmIdentifier: string | null;
  startedAt: Date;
  completedAt: Date | null;
  durationSeconds: number | null;
};

export type NewResponse = ResponseColumns & {
  status: "partial" | "complete";
  revision: number;
  screenedRule: "too_fast" | "duplicate_firm" | "consistency" | "manual" | null;
  screenedReason: string | null;
  screenedAt: Date | null;
};

export async function insertResponse(tx: Tx, r: NewResponse, rows: AnswerRow[]): Promise<void> {
  await tx.$executeRaw`
    SELECT response_insert(${r.id}::uuid, ${r.surveyId}::uuid, ${r.versionId}::uuid, ${r.collectorId}::uuid,
      ${r.submissionId}::uuid, ${r.status}::"ResponseStatus", ${r.locale}, ${JSON.stringify(r.answers)}::jsonb,
      ${JSON.stringify(r.breakdowns)}::jsonb, ${r.contentHash}, ${r.firmIdentifier}, ${r.startedAt}::timestamptz,
      ${r.completedAt}::timestamptz, ${r.durationSeconds}::int, ${r.revision}::int, ${r.screenedRule}::"ScreeningRule",
      ${r.screenedReason}, ${r.screenedAt}::timestamptz, ${JSON.stringify(rows)}::jsonb)`;
}

/**
 * A new complete response in one statement outside any interactive transaction, counting its
 * request against `rateLimit`: "limited" when over it, "exists" when a response already has this
 * submission id, "changed" when the survey's settings are no longer of `settingsRevision` (the
 * caller then takes the full path). The screening is `screening` unless
 * the firm had already answered, then `ifDuplicate`.
 */
export async function storeNewCompleteResponse(
  db: Db,
  r: ResponseColumns & {
    screening: Screening | null;
    ifDuplicate: Screening | null;
    settingsRevision: number;
    /** Counted in the same statement; null counts nothing. */
    rateLimit: { key: string; limit: number; windowStart: Date } | null;
  },
  rows: AnswerRow[],
): Promise<"stored" | "exists" | "changed" | "limited"> {
  const [{ stored }] = await db.$queryRaw<{ stored: "stored" | "exists" | "changed" | "limited" }[]>`
    SELECT response_store_new_complete(${r.id}::uuid, ${r.surveyId}::uuid, ${r.versionId}::uuid,
      ${r.collectorId}::uuid, ${r.submissionId}::uuid, ${r.locale}, ${JSON.stringify(r.answers)}::jsonb,
      ${JSON.stringify(r.breakdowns)}::jsonb, ${r.contentHash}, ${r.firmIdentifier}, ${r.startedAt}::timestamptz,
      ${r.completedAt}::timestamptz, ${r.durationSeconds}::int, ${JSON.stringify(rows)}::jsonb,
      ${r.screening?.rule ?? null}::"ScreeningRule", ${r.screening?.reason ?? null},
      ${r.ifDuplicate?.rule ?? null}::"ScreeningRule", ${r.ifDuplicate?.reason ?? null},
      ${r.settingsRevision}::int, ${r.rateLimit?.key ?? null}, ${r.rateLimit?.windowStart ?? null}::timestamp,
      ${r.rateLimit?.limit ?? null}::int) AS stored`;
  return stored;
}
