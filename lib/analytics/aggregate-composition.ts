// The sample's make-up in PostgreSQL: valid responses per value of each breakdown, and
// delivered and valid responses per day of completion (UTC).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { ResultsFilter } from "./dashboard-schema";
import { breakdownsCondition, dateCondition, hasBreakdowns, hasDateRange, totalsCondition } from "./filter-sql";

export type DistributionRow = { key: string; value: string | null; count: number };
export type DayRow = { day: string; delivered: number; valid: number };

type Options = { db: Db; surveyId: string; filter: ResultsFilter };

export async function aggregateDistributions({
  db,
  surveyId,
  filter,
  keys,
}: Options & { keys: string[] }): Promise<DistributionRow[]> {
  if (keys.length === 0) return [];
  // Values of breakdowns live in the breakdown cells, which have no days: a date range reads tallies.
  const rows = hasDateRange(filter)
    ? await db.$queryRaw<{ key: string; value: string | null; count: number }[]>`
        SELECT k.key, t.breakdowns->>k.key AS value, count(*)::float8 AS count
        FROM result_tally t CROSS JOIN unnest(${keys}::text[]) AS k(key)
        WHERE t.survey_id = ${surveyId}::uuid AND t.contributions @> '[["all", "valid"]]'::jsonb
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1, 2`
    : await db.$queryRaw<{ key: string; value: string | null; count: number }[]>`
        SELECT k.key, c.breakdowns->>k.key AS value, sum(c.responses)::float8 AS count
        FROM result_cell c CROSS JOIN unnest(${keys}::text[]) AS k(key)
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'all' AND c.metric = 'valid'
          AND left(c.cell_key, 1) = '{' ${breakdownsCondition("c", filter)}
        GROUP BY 1, 2`;
  return rows.map((r) => ({ key: r.key, value: r.value, count: Number(r.count) })).filter((r) => r.count > 0);
}

export async function aggregateDays({ db, surveyId, filter }: Options): Promise<DayRow[]> {
  type Raw = { day: string; delivered: number; valid: number };
  // Unfiltered by breakdowns, the day totals answer directly (undated keys start with #).
  const rows = !hasBreakdowns(filter)
    ? await db.$queryRaw<Raw[]>`
        SELECT left(c.cell_key, 10) AS day,
               sum(c.responses) FILTER (WHERE c.metric = 'delivered')::float8 AS delivered,
               sum(c.responses) FILTER (WHERE c.metric = 'valid')::float8 AS valid
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'all' AND c.metric IN ('delivered', 'valid')
          AND c.cell_key >= '0' ${totalsCondition("c", filter)}
        GROUP BY 1 HAVING sum(c.responses) > 0 ORDER BY 1`
    : await db.$queryRaw<Raw[]>`
        SELECT to_char(r.completed_at, 'YYYY-MM-DD') AS day, count(*)::float8 AS delivered,
               count(*) FILTER (WHERE r.valid)::float8 AS valid
        FROM response r
        WHERE r.survey_id = ${surveyId}::uuid AND r.status = 'complete'
          ${dateCondition("r.completed_at", filter)} ${breakdownsCondition("r", filter)}
        GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, delivered: Number(r.delivered), valid: Number(r.valid) }));
}
