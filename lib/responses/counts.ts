// How many responses a survey has, by state (one aggregate query).
import type { Db } from "@/lib/db/create-client";

export type ResponseCounts = { delivered: number; valid: number; screened: number; partial: number };

/** delivered = complete responses (valid or screened out); partial ones are still being filled in. */
export async function responseCounts(db: Db, surveyId: string): Promise<ResponseCounts> {
  const [row] = await db.$queryRaw<{ delivered: bigint; valid: bigint; screened: bigint; partial: bigint }[]>`
    SELECT count(*) FILTER (WHERE status = 'complete')               AS delivered,
           count(*) FILTER (WHERE valid)                             AS valid,
           count(*) FILTER (WHERE status = 'complete' AND NOT valid) AS screened,
           count(*) FILTER (WHERE status = 'partial')                AS partial
    FROM response WHERE survey_id = ${surveyId}::uuid`;
  return {
    delivered: Number(row.delivered),
    valid: Number(row.valid),
    screened: Number(row.screened),
    partial: Number(row.partial),
  };
}
