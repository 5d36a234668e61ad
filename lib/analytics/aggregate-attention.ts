// Sums one scope ("all" or a factor level) of a survey's results in PostgreSQL, from the rows
// filter-sql.ts picks for the filter (docs/decisions/004-result-cells.md, 009).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { ResultsFilter } from "./dashboard-schema";
import { breakdownsCondition, cellsCondition, dateCondition, needsTallies } from "./filter-sql";
import type { MetricRow } from "./to-attention-result";

type Raw = { metric: string; responses: number; mentions: number; value_sum: number; value_count: number };

export type SumScopeOptions = { db: Db; surveyId: string; scope: string; filter: ResultsFilter };

export async function sumScope({ db, surveyId, scope, filter }: SumScopeOptions): Promise<MetricRow[]> {
  const rows = needsTallies(filter)
    ? await db.$queryRaw<Raw[]>`
        SELECT x->>1 AS metric, sum((x->>2)::bigint)::float8 AS responses, sum((x->>3)::bigint)::float8 AS mentions,
               sum((x->>4)::float8) AS value_sum, sum((x->>5)::bigint)::float8 AS value_count
        FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
        WHERE t.survey_id = ${surveyId}::uuid AND x->>0 = ${scope}
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1`
    : await db.$queryRaw<Raw[]>`
        SELECT c.metric, sum(c.responses)::float8 AS responses, sum(c.mentions)::float8 AS mentions,
               sum(c.value_sum) AS value_sum, sum(c.value_count)::float8 AS value_count
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = ${scope} ${cellsCondition("c", filter)}
        GROUP BY 1`;
  return rows.map((r) => ({
    metric: r.metric,
    responses: Number(r.responses),
    mentions: Number(r.mentions),
    valueSum: Number(r.value_sum),
    valueCount: Number(r.value_count),
  }));
}
