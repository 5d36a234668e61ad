// The duplicate-firm screening rule, shared by online submission and paper entry.
import "server-only";
import type { Prisma } from "@/lib/db/create-client";

/** Another complete response of the same firm, serialized per firm so that two concurrent ones see each other. */
export async function duplicateOf(
  tx: Prisma.TransactionClient,
  surveyId: string,
  firm: string | null,
  selfId: string | undefined,
) {
  if (!firm) return null;
  // Two statements, not one: a statement's snapshot is taken before it waits for the lock, so only
  // a later statement sees the other submission of this firm that committed meanwhile.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${surveyId}:${firm}`}, 0))`;
  const [earlier] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM response
    WHERE survey_id = ${surveyId}::uuid AND firm_identifier = ${firm} AND status = 'complete' AND id IS DISTINCT FROM ${selfId ?? null}::uuid
    LIMIT 1`;
  return earlier ? firm : null;
}
