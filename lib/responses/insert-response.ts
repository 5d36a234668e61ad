// Writes a new response with its answer rows in one statement (one round trip instead of three
// through Prisma's nested create, which also reads the row back): response_insert in
// prisma/sql/responses/01-store-response.sql, which the one-statement store uses too.
import "server-only";
import type { Prisma } from "@/lib/db/create-client";
import type { AnswerRow } from "./answer-rows";

type Tx = Prisma.TransactionClient;

export type NewResponse = {
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
      ${JSON.stringify(r.breakdowns)}::jsonb, ${r.contentHash}, ${r.firmIdentifier}, ${r.startedAt}::timestamp,
      ${r.completedAt}::timestamp, ${r.durationSeconds}::int, ${r.revision}::int, ${r.screenedRule}::"ScreeningRule",
      ${r.screenedReason}, ${r.screenedAt}::timestamp, ${JSON.stringify(rows)}::jsonb)`;
}
