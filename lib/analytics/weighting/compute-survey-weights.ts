// The weighting job: a survey's weights computed from its targets over its valid responses, and
// carried into the result cells, in one transaction. The responses are grouped in PostgreSQL by
// the weighting variables first: every firm of one cell gets the same weight under
// post-stratification and raking (and trimming keeps equal weights equal), so the core works on
// a few hundred cells, not a million firms. Skipped when the valid set is what the last weights
// were computed for (count and record-key sum of the valid responses, from the cells).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { validSetSignature } from "../cell-queries";
import { foldResults } from "../results-aggregator";
import { effectiveSizeOf } from "../statistics";
import { surveyBreakdowns } from "../survey-breakdowns";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { postStratify, rakeWeights, trimWeights, WeightingError, type CollapseWarning, type SampleUnit } from ".";
import { WeightingTargetsSchema, targetVariables, type WeightingTargets } from "./targets-schema";

/** Rounds of trimming and raking again before the weights are kept as they are. */
const TRIM_ROUNDS = 50;

export type WeightingOutcome = {
  warnings: CollapseWarning[];
  iterations: number | null;
  /** Valid responses lacking a weighting variable's value: left out of the weighted figures. */
  unclassified: number;
  designEffect: number;
  effectiveSize: number;
  trimmed: number;
  error?: { code: string; message: string; cell?: Record<string, string> };
};

type CellRow = { cell: Record<string, string | null>; n: number };

/** Per-cell weights, in the order of `units` (each unit a cell whose weight is its firm count). */
function weightCells(
  targets: WeightingTargets,
  units: SampleUnit[],
  options: { tolerance: number; maxIterations: number },
  breakdowns: { key: string; options: { code: string }[] }[],
) {
  if (targets.method === "post_stratify") {
    const result = postStratify(units, {
      variables: targets.variables.map((name) => ({
        name,
        values: breakdowns.find((b) => b.key === name)?.options.map((o) => o.code) ?? [],
      })),
      cells: targets.cells.map((c) => ({ cell: c.values, count: c.count })),
    });
    return { totals: result.weights, warnings: result.warnings, iterations: null };
  }
  const result = rakeWeights(units, targets.margins, options);
  return { totals: result.weights, warnings: result.warnings, iterations: result.iterations };
}

export async function computeSurveyWeights(
  db: Db,
  surveyId: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  const weighting = await db.surveyWeighting.findUnique({
    where: { surveyId },
    include: { survey: { select: { version: { select: { definition: true } } } } },
  });
  if (!weighting) return;
  await foldResults(db, surveyId);
  const signature = await validSetSignature(db, surveyId);
  if (
    weighting.status === "done" &&
    weighting.weightedResponses === signature.responses &&
    weighting.weightedKeySum === signature.keySum
  )
    return;
  await db.surveyWeighting.update({ where: { surveyId }, data: { status: "running" } });

  const targets = WeightingTargetsSchema.parse(weighting.targets);
  const variables = targetVariables(targets);
  const breakdowns = surveyBreakdowns(QuestionnaireDefinitionSchema.parse(weighting.survey.version.definition));
  const rows = await db.$queryRaw<CellRow[]>`
    SELECT (SELECT jsonb_object_agg(v, r.breakdowns->>v) FROM unnest(${variables}::text[]) v) AS cell,
           count(*)::int AS n
    FROM response r WHERE r.survey_id = ${surveyId}::uuid AND r.valid
    GROUP BY 1 ORDER BY 1`;
  const classified = rows.filter((r) => variables.every((v) => typeof r.cell[v] === "string"));
  const unclassified = rows.filter((r) => !classified.includes(r)).reduce((n, r) => n + r.n, 0);
  const units: SampleUnit[] = classified.map((r) => ({ values: r.cell as Record<string, string>, weight: r.n }));
  const options = { tolerance: weighting.tolerance, maxIterations: weighting.maxIterations };

  let outcome: WeightingOutcome;
  let perFirm: number[];
  try {
    const first = weightCells(targets, units, options, breakdowns);
    perFirm = first.totals.map((total, i) => total / classified[i].n);
    let trimmed = 0;
    if (weighting.trimCap !== null) {
      // Trimming works on firms' weights: each cell's weight once per firm.
      for (let round = 0; round < TRIM_ROUNDS; round++) {
        const expanded = classified.flatMap((c, i) => Array<number>(c.n).fill(perFirm[i]));
        const trim = trimWeights(expanded, { timesMean: weighting.trimCap });
        trimmed = trim.trimmed;
        let at = 0;
        perFirm = classified.map((c) => {
          const w = trim.weights[at];
          at += c.n;
          return w;
        });
        // Post-stratifying again would undo the trimming; raking again restores the margins.
        if (trim.trimmed === 0 || targets.method === "post_stratify") break;
        const again = weightCells(
          targets,
          classified.map((c, i) => ({ values: c.cell as Record<string, string>, weight: c.n * perFirm[i] })),
          options,
          breakdowns,
        );
        perFirm = again.totals.map((total, i) => total / classified[i].n);
        if (perFirm.every((w) => w <= trim.cap * (1 + 1e-9))) break;
      }
    }
    const sum = classified.reduce((n, c, i) => n + c.n * perFirm[i], 0);
    const sumSq = classified.reduce((n, c, i) => n + c.n * perFirm[i] ** 2, 0);
    const firms = classified.reduce((n, c) => n + c.n, 0);
    const effectiveSize = effectiveSizeOf(sum, sumSq);
    outcome = {
      warnings: first.warnings,
      iterations: first.iterations,
      unclassified,
      designEffect: effectiveSize > 0 ? firms / effectiveSize : 1,
      effectiveSize,
      trimmed,
    };
  } catch (error) {
    if (!(error instanceof WeightingError)) throw error;
    await db.surveyWeighting.update({
      where: { surveyId },
      // computedAt and the signature stay those of the last weights that were computed (still in use).
      data: {
        status: "failed",
        outcome: {
          warnings: [],
          iterations: null,
          unclassified,
          designEffect: 1,
          effectiveSize: 0,
          trimmed: 0,
          error: { code: error.code, message: error.message, ...(error.cell && { cell: { ...error.cell } }) },
        } satisfies WeightingOutcome,
      },
    });
    return;
  }

  const cells = classified.map((c, i) => ({ cell: c.cell, weight: perFirm[i] }));
  await db.$transaction(
    async (tx) => {
      await tx.responseWeight.deleteMany({ where: { surveyId } });
      await tx.$executeRaw`
        INSERT INTO response_weight (response_id, survey_id, weight)
        SELECT r.id, r.survey_id, w.weight
        FROM response r
        JOIN jsonb_to_recordset(${JSON.stringify(cells)}::jsonb) AS w(cell jsonb, weight float8)
          ON w.cell = (SELECT jsonb_object_agg(v, r.breakdowns->>v) FROM unnest(${variables}::text[]) v)
        WHERE r.survey_id = ${surveyId}::uuid AND r.valid`;
      await tx.$executeRaw`SELECT analytics_apply_weights(${surveyId}::uuid)`;
      await tx.surveyWeighting.update({
        where: { surveyId },
        data: {
          status: "done",
          computedAt: now(),
          weightedResponses: signature.responses,
          weightedKeySum: signature.keySum,
          outcome,
        },
      });
      // Open dashboards refetch and show the weighted figures.
      await tx.$executeRaw`SELECT pg_notify('survey_results', ${surveyId})`;
    },
    { timeout: 10 * 60_000, maxWait: 15_000 },
  );
}
