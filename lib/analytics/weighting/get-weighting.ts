// A survey's weighting as researchers read it: the targets, whether the weights are current, and
// the last computation's figures, warnings and error in the reader's language.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { validSetSignature } from "../cell-queries";
import type { WeightingOutcome } from "./compute-survey-weights";
import { WeightingTargetsSchema } from "./targets-schema";
import type { WeightingView } from "./weighting-api-schemas";

type Translate = (key: string, values?: Record<string, string | number>) => string;

const describe = (cell: Record<string, string>) =>
  Object.entries(cell)
    .map(([variable, value]) => `${variable} = ${value}`)
    .join(", ");

export async function getWeighting(db: Db, surveyId: string, t: Translate): Promise<WeightingView | null> {
  const row = await db.surveyWeighting.findUnique({ where: { surveyId } });
  if (!row) return null;
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
      t("weighting.warnings.collapsed", { cell: describe(w.cell), into: describe(w.into), population: w.population }),
    ),
    error: outcome?.error
      ? t(`weighting.errors.${outcome.error.code}`, {
          cell: outcome.error.cell ? describe(outcome.error.cell) : "",
          detail: outcome.error.message,
        })
      : null,
  };
}
