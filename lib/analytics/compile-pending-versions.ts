// Runs after migrations (scripts/lib/migrate.ts): compiles the metric map of every version that
// has none (versions published before maps existed), then rebuilds the result cells of the surveys
// a migration marked in analytics_rebuild_pending. Idempotent; a no-op on an up-to-date database.
import type { Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { storeMetricMap } from "./store-metric-map";

export async function compilePendingVersions(db: Db): Promise<{ compiled: number; rebuilt: number }> {
  const versions = await db.$queryRaw<{ id: string; definition: unknown }[]>`
    SELECT v.id, v.definition FROM questionnaire_version v
    WHERE NOT EXISTS (SELECT 1 FROM metric_map m WHERE m.version_id = v.id)`;
  let compiled = 0;
  for (const v of versions) {
    const parsed = QuestionnaireDefinitionSchema.safeParse(v.definition);
    if (!parsed.success) continue;
    const written = await db.$transaction((tx) => storeMetricMap(tx, v.id, parsed.data));
    if (written > 0) compiled++;
  }
  const pending = await db.analyticsRebuildPending.findMany({ select: { surveyId: true } });
  for (const { surveyId } of pending) {
    await db.$transaction([
      db.$queryRaw`SELECT analytics_rebuild(${surveyId}::uuid)`,
      db.analyticsRebuildPending.delete({ where: { surveyId } }),
    ]);
  }
  return { compiled, rebuilt: pending.length };
}
