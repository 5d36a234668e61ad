// A survey's weighting as researchers read it: the targets, whether the weights are current, and
// the last computation's figures, warnings and error in the reader's language.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { validSetSignature } from "../cell-queries";
import { foldResults } from "../results-aggregator";
import type { WeightingOutcome } from "./compute-survey-weights";
import { WeightingTargetsSchema } from "./targets-schema";
import type { ApiTranslate } from "@/lib/i18n/api-translator";
import { describeCell } from "./types";
import type { WeightingView } from "./weighting-api-schemas";

export async function getWeighting(db: Db, surveyId: string, t: ApiTranslate): Promise<WeightingView | null> {
  const row = await db.surveyWeighting.findUnique({ where: { surveyId } });
  if (!row) return null;
  await foldResults(db, surveyId);
  const now = await validSetSignature(db, surveyId);
  const outcome = (row.outcome ?? null) as WeightingOutcome | null;
  const stale = row.status === "done" && (row.weightedResponses !== now.responses || row.weightedKeySum !== now.keySum);
  return {
    method: row.method,
    targets: WeightingTargetsSchema.parse(row.targets),
    trimCap: row.trimCap,
    tolerance: row.tolerance,
    maxIterations: row.maxIterations,
    status: row.status,
    computedAt: row.computedAt?.toISOString() ?? null,
    weightedResponses: row.weightedResponses,
    validResponses: now.responses,
    stale,
    iterations: outcome?.iterations ?? null,
    designEffect: outcome && !outcome.error ? outcome.designEffect : null,
    effectiveSize: outcome && !outcome.error ? outcome.effectiveSize : null,
    unclassified: outcome?.unclassified ?? 0,
    trimmed: outcome?.trimmed ?? 0,
    warnings: (outcome?.warnings ?? []).map((w) =>
      t("weighting.warnings.collapsed", {
        cell: describeCell(w.cell),
        into: describeCell(w.into),
        population: w.population,
      }),
    ),
    error: outcome?.error
      ? t(`weighting.errors.${outcome.error.code}`, {
          cell: outcome.error.cell ? describeCell(outcome.error.cell) : "",
          detail: outcome.error.message,
        })
      : null,
  };
}
