// Writes a new response with its answer rows in one statement (one round trip instead of three
// through Prisma's nested create, which also reads the row back): submissions are the platform's
// hottest write. The columns are those of prisma/schema.prisma's Response and Answer.
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
  status: "partial" | "complete";
  locale: string;
  answers: unknown;
  breakdowns: unknown;
  contentHash: string;
  firmIdentifier: string | null;
  startedAt: Date;
  completedAt: Date | null;
  durationSeconds: number | null;
  revision: number;
  screenedRule: "too_fast" | "duplicate_firm" | "consistency" | "manual" | null;
  screenedReason: string | null;
  screenedAt: Date | null;
};

export async function insertResponse(tx: Tx, r: NewResponse, rows: AnswerRow[]): Promise<void> {
  await tx.$executeRaw`
    WITH r AS (
      INSERT INTO response (id, survey_id, version_id, collector_id, submission_id, status, locale, answers, breakdowns,
        content_hash, firm_identifier, started_at, completed_at, duration_seconds, revision, screened_rule, screened_reason, screened_at)
      VALUES (${r.id}::uuid, ${r.surveyId}::uuid, ${r.versionId}::uuid, ${r.collectorId}::uuid, ${r.submissionId}::uuid,
        ${r.status}::"ResponseStatus", ${r.locale}, ${JSON.stringify(r.answers)}::jsonb, ${JSON.stringify(r.breakdowns)}::jsonb,
        ${r.contentHash}, ${r.firmIdentifier}, ${r.startedAt}, ${r.completedAt}, ${r.durationSeconds}, ${r.revision},
        ${r.screenedRule}::"ScreeningRule", ${r.screenedReason}, ${r.screenedAt})
      RETURNING id, survey_id)
    INSERT INTO answer (response_id, survey_id, question_code, option_code, number_value, text_value, rank)
    SELECT r.id, r.survey_id, a."questionCode", a."optionCode", a."numberValue", a."textValue", a.rank
    FROM r, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS a("questionCode" text, "optionCode" text, "numberValue" float8, "textValue" text, rank int)`;
}
