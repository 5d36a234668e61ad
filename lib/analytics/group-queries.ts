// One scope of a survey's results summed per value of one breakdown, in one query: the rows of
// every group of a comparison (micro, small and medium firms) at once. The same cells or tallies
// as sumScope in cell-queries.ts read for a filter on that value, so each group's sums, key sums
// included, equal those of its own attention chart, and the public sees the same figures.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import {
  CELL_SUMS,
  TALLY_SUMS,
  breakdownsCondition,
  dateCondition,
  hasDateRange,
  metricRowOf,
  type RawSums,
} from "./cell-queries";
import type { ResultsFilter } from "./dashboard-schema";
import type { MetricRow } from "./to-attention-result";

export type SumScopeByGroupOptions = {
  db: Db;
  surveyId: string;
  scope: string;
  /** The breakdown whose values are the groups; the filter must not fix it. */
  by: string;
  filter: ResultsFilter;
};

/** Rows per value of `by` (responses without a value for it are in no group). */
export async function sumScopeByGroup({
  db,
  surveyId,
  scope,
  by,
  filter,
}: SumScopeByGroupOptions): Promise<Map<string, MetricRow[]>> {
  // Breakdown cells have no days: with a date range only the per-response tallies know both.
  const rows = hasDateRange(filter)
    ? await db.$queryRaw<(RawSums & { value: string })[]>`
        SELECT t.breakdowns->>${by} AS value, ${TALLY_SUMS}
        FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
        WHERE t.survey_id = ${surveyId}::uuid AND x->>0 = ${scope} AND t.breakdowns->>${by} IS NOT NULL
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1, 2`
    : await db.$queryRaw<(RawSums & { value: string })[]>`
        SELECT c.breakdowns->>${by} AS value, ${CELL_SUMS}
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = ${scope}
          AND c.breakdowns->>${by} IS NOT NULL ${breakdownsCondition("c", filter)}
        GROUP BY 1, 2`;
  const groups = new Map<string, MetricRow[]>();
  for (const r of rows) {
    const list = groups.get(r.value) ?? groups.set(r.value, []).get(r.value)!;
    list.push(metricRowOf(r));
  }
  return groups;
}
