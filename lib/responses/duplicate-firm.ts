// The duplicate-firm screening rule, shared by online submission, paper entry, imports and the
// re-applied minimum time: prisma/sql/responses/01-store-response.sql holds it, so that the
// one-statement store of a submission reads the same rule.
import "server-only";
import type { Prisma } from "@/lib/db/create-client";

/** The firm when another complete response of the survey has it, else null; serialized per firm to the end of the transaction. */
export async function duplicateOf(
  tx: Prisma.TransactionClient,
  surveyId: string,
  firm: string | null,
  selfId: string | undefined,
) {
  if (!firm) return null;
  const [{ duplicate }] = await tx.$queryRaw<{ duplicate: boolean }[]>`
    SELECT response_duplicates_firm(${surveyId}::uuid, ${firm}, ${selfId ?? null}::uuid) AS duplicate`;
  return duplicate ? firm : null;
}
