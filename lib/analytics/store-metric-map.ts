// Writes a version's compiled metric map (lib/analytics/metric-map.ts) in the caller's
// transaction: publishing stores it with the version, so no answer to the version can be counted
// before its rules exist.
import type { Prisma } from "@/lib/db/create-client";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { compileMetricMap } from "./metric-map";

export async function storeMetricMap(tx: Prisma.TransactionClient, versionId: string, def: QuestionnaireDefinition) {
  const rows = compileMetricMap(def);
  if (rows.length === 0) return 0;
  await tx.metricMapRow.createMany({ data: rows.map((row, position) => ({ versionId, position, ...row })) });
  return rows.length;
}
