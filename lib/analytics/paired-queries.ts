// The 2 × 2 table of two factors answered by the same firms, in one query over the per-response
// tallies (only they know which response flagged what): among the valid responses in the filter
// that answered both factors' items substantively, how many flag each factor and how many flag
// one but not the other, each count with the sum of its responses' record keys (disclosure.ts).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { breakdownsCondition, dateCondition } from "./cell-queries";
import type { ResultsFilter } from "./dashboard-schema";
import type { LevelItem } from "./metric-map";
import type { PairCounts } from "./to-paired-comparison";

export type CountPairsOptions = {
  db: Db;
  surveyId: string;
  level: string;
  a: Pick<LevelItem, "metric" | "baseMetric">;
  b: Pick<LevelItem, "metric" | "baseMetric">;
  filter: ResultsFilter;
};

type Raw = Record<`${"n" | "flagged_a" | "flagged_b" | "only_a" | "only_b"}${"" | "_key_sum"}`, number>;

export async function countPairs({ db, surveyId, level, a, b, filter }: CountPairsOptions): Promise<PairCounts> {
  const metrics = [a.metric, b.metric, a.baseMetric, b.baseMetric];
  // A tally's factor contribution says 1 when the response flagged it (0 for a rating under the threshold).
  const [row] = await db.$queryRaw<Raw[]>`
    WITH pair AS (
      SELECT max(t.record_key) AS record_key,
             bool_or(x->>1 = ${a.metric} AND (x->>2)::int > 0) AS flags_a,
             bool_or(x->>1 = ${b.metric} AND (x->>2)::int > 0) AS flags_b
      FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
      WHERE t.survey_id = ${surveyId}::uuid AND x->>0 = ${level} AND x->>1 = ANY (${metrics}::text[])
        ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
      GROUP BY t.response_id
      HAVING bool_or(x->>1 = ${a.baseMetric}) AND bool_or(x->>1 = ${b.baseMetric})
    )
    SELECT count(*)::float8 AS n, COALESCE(sum(record_key), 0)::float8 AS n_key_sum,
           count(*) FILTER (WHERE flags_a)::float8 AS flagged_a,
           COALESCE(sum(record_key) FILTER (WHERE flags_a), 0)::float8 AS flagged_a_key_sum,
           count(*) FILTER (WHERE flags_b)::float8 AS flagged_b,
           COALESCE(sum(record_key) FILTER (WHERE flags_b), 0)::float8 AS flagged_b_key_sum,
           count(*) FILTER (WHERE flags_a AND NOT flags_b)::float8 AS only_a,
           COALESCE(sum(record_key) FILTER (WHERE flags_a AND NOT flags_b), 0)::float8 AS only_a_key_sum,
           count(*) FILTER (WHERE flags_b AND NOT flags_a)::float8 AS only_b,
           COALESCE(sum(record_key) FILTER (WHERE flags_b AND NOT flags_a), 0)::float8 AS only_b_key_sum
    FROM pair`;
  const keyed = (name: "n" | "flagged_a" | "flagged_b" | "only_a" | "only_b") => ({
    count: Number(row[name]),
    keySum: Number(row[`${name}_key_sum`]),
  });
  return {
    n: keyed("n"),
    flaggedA: keyed("flagged_a"),
    flaggedB: keyed("flagged_b"),
    onlyA: keyed("only_a"),
    onlyB: keyed("only_b"),
  };
}
