// SQL fragments for a results filter, shared by the aggregate-*.ts queries. Which rows answer a
// filter (see prisma/sql/analytics/04-cells.sql for the cell keys):
//   no filter, or dates only  the survey-total cells of the days in range (keys YYYY-MM-DD#s)
//   breakdowns only           the breakdown cells containing them (keys {...}, GIN index)
//   breakdowns and dates      the per-response tallies completed in the range
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { ResultsFilter } from "./dashboard-schema";

const DAY_MS = 86_400_000;

export const hasDateRange = (filter: ResultsFilter) => Boolean(filter.from || filter.to);
export const hasBreakdowns = (filter: ResultsFilter) => Object.keys(filter.breakdowns).length > 0;
/** Only the per-response tallies know both a response's breakdowns and its day. */
export const needsTallies = (filter: ResultsFilter) => hasDateRange(filter) && hasBreakdowns(filter);

/** `AND <alias>.breakdowns @> {...}`, or nothing when unfiltered. */
export function breakdownsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  if (!hasBreakdowns(filter)) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(alias)}.breakdowns @> ${JSON.stringify(filter.breakdowns)}::jsonb`;
}

/** The first day after the range's last one (ranges are whole UTC days, both ends included). */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** Completion dates are whole days in UTC, both ends included. */
export function dateCondition(column: string, filter: ResultsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.from) parts.push(Prisma.sql`AND ${Prisma.raw(column)} >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) parts.push(Prisma.sql`AND ${Prisma.raw(column)} < ${new Date(`${dayAfter(filter.to)}T00:00:00Z`)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The survey-total cells (all days, or the days in the filter's range); dated keys sort by day. */
export function totalsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  const key = Prisma.raw(`${alias}.cell_key`);
  if (!hasDateRange(filter)) return Prisma.sql`AND ${key} < '{'`;
  return Prisma.sql`AND ${key} >= ${filter.from ?? "0"} AND ${key} < ${filter.to ? dayAfter(filter.to) : "{"}`;
}

/** Which cells to sum when the tallies are not needed: breakdown cells, or day totals. */
export function cellsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  return hasBreakdowns(filter) ? breakdownsCondition(alias, filter) : totalsCondition(alias, filter);
}
