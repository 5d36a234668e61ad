// The SQL over result cells and tallies (docs/decisions/004, 009): which rows answer a filter,
// and the sums dashboards read. Shaping for charts is in to-*.ts, statistics in statistics.ts.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { dateRangeBounds, type ResultsFilter } from "./dashboard-schema";
import type { Db } from "@/lib/db/create-client";
import type { MetricRow } from "./to-attention-result";

// Which rows answer a filter (prisma/sql/analytics/04-cells.sql has the cell keys):
//   no filter, or dates only  the survey-total cells of the days in range (keys YYYY-MM-DD#s)
//   breakdowns only           the breakdown cells containing them (keys {...}, GIN index)
//   breakdowns and dates      the per-response tallies completed in the range

export const hasDateRange = (filter: ResultsFilter) => Boolean(filter.from || filter.to);
export const hasBreakdowns = (filter: ResultsFilter) => Object.keys(filter.breakdowns).length > 0;
/** Only the per-response tallies know both a response's breakdowns and its day. */
export const needsTallies = (filter: ResultsFilter) => hasDateRange(filter) && hasBreakdowns(filter);

/** `AND <alias>.breakdowns @> {...}`, or nothing when unfiltered. */
export function breakdownsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  if (!hasBreakdowns(filter)) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(alias)}.breakdowns @> ${JSON.stringify(filter.breakdowns)}::jsonb`;
}

/** Completion dates are whole days in UTC, both ends included (dateRangeBounds). */
export function dateCondition(column: string, filter: ResultsFilter): Prisma.Sql {
  const { gte, lt } = dateRangeBounds(filter);
  const parts: Prisma.Sql[] = [];
  if (gte) parts.push(Prisma.sql`AND ${Prisma.raw(column)} >= ${gte}`);
  if (lt) parts.push(Prisma.sql`AND ${Prisma.raw(column)} < ${lt}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The survey-total cells (all days, or the days in the filter's range); dated keys sort by day. */
export function totalsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  const key = Prisma.raw(`${alias}.cell_key`);
  if (!hasDateRange(filter)) return Prisma.sql`AND ${key} < '{'`;
  const { lt } = dateRangeBounds(filter);
  return Prisma.sql`AND ${key} >= ${filter.from ?? "0"} AND ${key} < ${lt ? lt.toISOString().slice(0, 10) : "{"}`;
}

/** Which cells to sum when the tallies are not needed: breakdown cells, or day totals. */
export function cellsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  return hasBreakdowns(filter) ? breakdownsCondition(alias, filter) : totalsCondition(alias, filter);
}

// Sums one scope ("all" or a factor level) of a survey's results, from the rows the filter picks.
// The sums are the same whether tallies or cells are read, and for one group or many
// (group-queries.ts): counts, value sums, record-key sums, and the weighted sums.
export type RawSums = {
  metric: string;
  responses: number;
  mentions: number;
  value_sum: number;
  value_count: number;
  key_sum: number;
  mention_key_sum: number;
  weight_sum: number;
  weight_sq_sum: number;
  mention_weight_sum: number;
  weighted: number;
};

/** The sums of RawSums over per-response tallies (t, each contribution x). */
export const TALLY_SUMS = Prisma.sql`
  x->>1 AS metric, sum((x->>2)::bigint)::float8 AS responses, sum((x->>3)::bigint)::float8 AS mentions,
  sum((x->>4)::float8) AS value_sum, sum((x->>5)::bigint)::float8 AS value_count,
  sum((x->>2)::bigint * t.record_key)::float8 AS key_sum,
  sum((x->>3)::bigint * t.record_key)::float8 AS mention_key_sum,
  COALESCE(sum((x->>2)::bigint * t.weight), 0) AS weight_sum,
  COALESCE(sum((x->>2)::bigint * t.weight ^ 2), 0) AS weight_sq_sum,
  COALESCE(sum((x->>3)::bigint * t.weight), 0) AS mention_weight_sum,
  sum((x->>2)::bigint * (t.weight IS NOT NULL)::int)::float8 AS weighted`;

/** The sums of RawSums over result cells (c). */
export const CELL_SUMS = Prisma.sql`
  c.metric, sum(c.responses)::float8 AS responses, sum(c.mentions)::float8 AS mentions,
  sum(c.value_sum) AS value_sum, sum(c.value_count)::float8 AS value_count,
  sum(c.key_sum)::float8 AS key_sum, sum(c.mention_key_sum)::float8 AS mention_key_sum,
  sum(c.weight_sum) AS weight_sum, sum(c.weight_sq_sum) AS weight_sq_sum,
  sum(c.mention_weight_sum) AS mention_weight_sum, sum(c.weighted)::float8 AS weighted`;

export const metricRowOf = (r: RawSums): MetricRow => ({
  metric: r.metric,
  responses: Number(r.responses),
  mentions: Number(r.mentions),
  valueSum: Number(r.value_sum),
  valueCount: Number(r.value_count),
  keySum: Number(r.key_sum),
  mentionKeySum: Number(r.mention_key_sum),
  weights: {
    sum: Number(r.weight_sum),
    sumOfSquares: Number(r.weight_sq_sum),
    mentions: Number(r.mention_weight_sum),
    count: Number(r.weighted),
  },
});

export type SumScopeOptions = { db: Db; surveyId: string; scope: string; filter: ResultsFilter };

export async function sumScope({ db, surveyId, scope, filter }: SumScopeOptions): Promise<MetricRow[]> {
  const rows = needsTallies(filter)
    ? await db.$queryRaw<RawSums[]>`
        SELECT ${TALLY_SUMS}
        FROM result_tally t CROSS JOIN LATERAL jsonb_array_elements(t.contributions) x
        WHERE t.survey_id = ${surveyId}::uuid AND x->>0 = ${scope}
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1`
    : await db.$queryRaw<RawSums[]>`
        SELECT ${CELL_SUMS}
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = ${scope} ${cellsCondition("c", filter)}
        GROUP BY 1`;
  return rows.map(metricRowOf);
}

// The sample's make-up in PostgreSQL: valid responses per value of each breakdown, and
// delivered and valid responses per day of completion (UTC).
// Each count comes with the sum of its responses' record keys (lib/analytics/disclosure.ts).
export type DistributionRow = { key: string; value: string | null; count: number; keySum: number };
export type DayRow = { day: string; delivered: number; valid: number; deliveredKeySum: number; validKeySum: number };

type Options = { db: Db; surveyId: string; filter: ResultsFilter };
type RawDistribution = { key: string; value: string | null; count: number; key_sum: number };

export async function aggregateDistributions({
  db,
  surveyId,
  filter,
  keys,
}: Options & { keys: string[] }): Promise<DistributionRow[]> {
  if (keys.length === 0) return [];
  // Values of breakdowns live in the breakdown cells, which have no days: a date range reads tallies.
  const rows = hasDateRange(filter)
    ? await db.$queryRaw<RawDistribution[]>`
        SELECT k.key, t.breakdowns->>k.key AS value, count(*)::float8 AS count, sum(t.record_key)::float8 AS key_sum
        FROM result_tally t CROSS JOIN unnest(${keys}::text[]) AS k(key)
        WHERE t.survey_id = ${surveyId}::uuid AND t.contributions @> '[["all", "valid"]]'::jsonb
          ${dateCondition("t.completed_at", filter)} ${breakdownsCondition("t", filter)}
        GROUP BY 1, 2`
    : await db.$queryRaw<RawDistribution[]>`
        SELECT k.key, c.breakdowns->>k.key AS value, sum(c.responses)::float8 AS count, sum(c.key_sum)::float8 AS key_sum
        FROM result_cell c CROSS JOIN unnest(${keys}::text[]) AS k(key)
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'all' AND c.metric = 'valid'
          AND left(c.cell_key, 1) = '{' ${breakdownsCondition("c", filter)}
        GROUP BY 1, 2`;
  return rows
    .map((r) => ({ key: r.key, value: r.value, count: Number(r.count), keySum: Number(r.key_sum) }))
    .filter((r) => r.count > 0);
}

export async function aggregateDays({ db, surveyId, filter }: Options): Promise<DayRow[]> {
  type Raw = { day: string; delivered: number; valid: number; delivered_key_sum: number; valid_key_sum: number };
  // Unfiltered by breakdowns, the day totals answer directly (undated keys start with #).
  const rows = !hasBreakdowns(filter)
    ? await db.$queryRaw<Raw[]>`
        SELECT left(c.cell_key, 10) AS day,
               sum(c.responses) FILTER (WHERE c.metric = 'delivered')::float8 AS delivered,
               sum(c.responses) FILTER (WHERE c.metric = 'valid')::float8 AS valid,
               sum(c.key_sum) FILTER (WHERE c.metric = 'delivered')::float8 AS delivered_key_sum,
               sum(c.key_sum) FILTER (WHERE c.metric = 'valid')::float8 AS valid_key_sum
        FROM result_cell c
        WHERE c.survey_id = ${surveyId}::uuid AND c.scope = 'all' AND c.metric IN ('delivered', 'valid')
          AND c.cell_key >= '0' ${totalsCondition("c", filter)}
        GROUP BY 1 HAVING sum(c.responses) > 0 ORDER BY 1`
    : await db.$queryRaw<Raw[]>`
        SELECT to_char(r.completed_at, 'YYYY-MM-DD') AS day, count(*)::float8 AS delivered,
               count(*) FILTER (WHERE r.valid)::float8 AS valid, sum(r.record_key)::float8 AS delivered_key_sum,
               COALESCE(sum(r.record_key) FILTER (WHERE r.valid), 0)::float8 AS valid_key_sum
        FROM response r
        WHERE r.survey_id = ${surveyId}::uuid AND r.status = 'complete'
          ${dateCondition("r.completed_at", filter)} ${breakdownsCondition("r", filter)}
        GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({
    day: r.day,
    delivered: Number(r.delivered),
    valid: Number(r.valid),
    deliveredKeySum: Number(r.delivered_key_sum ?? 0),
    validKeySum: Number(r.valid_key_sum ?? 0),
  }));
}

/**
 * What the valid set is now: its size and the sum of its record keys, from the survey totals. The
 * weighting job records it, so a change to the valid set (a response added, screened, restored)
 * shows that the weights are stale.
 */
export async function validSetSignature(db: Db, surveyId: string) {
  const [row] = await db.$queryRaw<{ n: number; key_sum: number }[]>`
    SELECT COALESCE(sum(responses), 0)::float8 AS n, COALESCE(sum(key_sum), 0)::float8 AS key_sum
    FROM result_cell WHERE survey_id = ${surveyId}::uuid AND scope = 'all' AND metric = 'valid' AND cell_key < '{'`;
  return { responses: Number(row.n), keySum: BigInt(Math.round(Number(row.key_sum))) };
}
