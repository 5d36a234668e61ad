// One scope of a survey's results summed per value of one breakdown, in one query: the rows of
// every group of a comparison (micro, small and medium firms) at once. The same cells or tallies
// as sumScope in cell-queries.ts read for a filter on that value, so each group's sums, key sums
// included, equal those of its own attention chart, and the public sees the same figures.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { breakdownsCondition, dateCondition, hasDateRange } from "./cell-queries";
import type { ResultsFilter } from "./dashboard-schema";
import type { MetricRow } from "./to-attention-result";

type Raw = {
  value: string;
  metric: string;
  responses: number;
  mentions: number;
  value_sum: number;
  value_count: number;
  key_sum: number;
  mention_key_sum: number;
};

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
    ? await db.$queryRaw<Raw[]>`
        SELECT t.breakdowns->>${by} AS value, x->>1 AS metric, sum((x->>2)::bigint)::float8 AS responses,
               sum((x->>3)::bigint)::float8 AS mentions, sum((x->>4)::float8) AS value_sum,
               sum((x->>5)::bigint)::float8 AS value_count, sum((x->>2)::bigint * t.record_key)::float8 AS key_sum,
               sum((x->>3)::bigint * t.record_key)::float8 AS mention_key_sum
        FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
        WHERE t.survey_id = ${surveyId}::uuid AND x->>0 = ${scope} AND t.breakdowns->>${by} IS NOT NULL
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1, 2`
    : await db.$queryRaw<Raw[]>`
        SELECT c.breakdowns->>${by} AS value, c.metric, sum(c.responses)::float8 AS responses,
               sum(c.mentions)::float8 AS mentions, sum(c.value_sum) AS value_sum,
               sum(c.value_count)::float8 AS value_count, sum(c.key_sum)::float8 AS key_sum,
               sum(c.mention_key_sum)::float8 AS mention_key_sum
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = ${scope}
          AND c.breakdowns->>${by} IS NOT NULL ${breakdownsCondition("c", filter)}
        GROUP BY 1, 2`;
  const groups = new Map<string, MetricRow[]>();
  for (const r of rows) {
    const list = groups.get(r.value) ?? groups.set(r.value, []).get(r.value)!;
    list.push({
      metric: r.metric,
      responses: Number(r.responses),
      mentions: Number(r.mentions),
      valueSum: Number(r.value_sum),
      valueCount: Number(r.value_count),
      keySum: Number(r.key_sum),
      mentionKeySum: Number(r.mention_key_sum),
    });
  }
  return groups;
}
