// The sample's make-up in PostgreSQL: valid responses per value of each breakdown, and
// delivered and valid responses per day of completion (UTC).
import "server-only";
import type { Db } from "@/lib/db/create-client";
import type { ResultsFilter } from "./dashboard-schema";
import { Prisma } from "@/lib/db/generated/client";
import { breakdownsCondition, dateCondition, hasBreakdowns, hasDateRange, TOTAL_CELL_KEYS } from "./filter-sql";

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
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'all' AND c.metric = 'valid' AND left(c.cell_key, 1) <> '#'
          ${breakdownsCondition("c", filter)}
        GROUP BY 1, 2`;
  return rows.map((r) => ({ key: r.key, value: r.value, count: Number(r.count) })).filter((r) => r.count > 0);
}

export async function aggregateDays({ db, surveyId, filter }: Options): Promise<DayRow[]> {
  type Raw = { day: string; delivered: number; valid: number };
  // Unfiltered by breakdowns, the day counts kept with the survey totals answer directly.
  const rows = !hasBreakdowns(filter)
    ? await db.$queryRaw<Raw[]>`
        SELECT split_part(c.metric, ':', 1) AS day,
               sum(c.responses) FILTER (WHERE c.metric LIKE '%:delivered')::float8 AS delivered,
               sum(c.responses) FILTER (WHERE c.metric LIKE '%:valid')::float8 AS valid
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'day' AND c.cell_key = ANY(${TOTAL_CELL_KEYS}::text[])
          ${filter.from ? Prisma.sql`AND split_part(c.metric, ':', 1) >= ${filter.from}` : Prisma.empty}
          ${filter.to ? Prisma.sql`AND split_part(c.metric, ':', 1) <= ${filter.to}` : Prisma.empty}
        GROUP BY 1 HAVING sum(c.responses) > 0 ORDER BY 1`
    : await db.$queryRaw<Raw[]>`
        SELECT to_char(r.completed_at, 'YYYY-MM-DD') AS day, count(*)::float8 AS delivered,
               count(*) FILTER (WHERE r.screened_at IS NULL)::float8 AS valid
        FROM response r
        WHERE r.survey_id = ${surveyId}::uuid AND r.status = 'complete'
          ${dateCondition("r.completed_at", filter)} ${breakdownsCondition("r", filter)}
        GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, delivered: Number(r.delivered), valid: Number(r.valid) }));
}
