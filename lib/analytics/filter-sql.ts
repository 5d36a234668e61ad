// SQL fragments for a results filter, shared by the aggregate-*.ts queries.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { ResultsFilter } from "./dashboard-schema";

const DAY_MS = 86_400_000;

/** `AND <alias>.breakdowns @> {...}` (served by the cells' own rows), or nothing when unfiltered. */
export function breakdownsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  if (Object.keys(filter.breakdowns).length === 0) return Prisma.empty;
  return Prisma.sql`AND ${Prisma.raw(alias)}.breakdowns @> ${JSON.stringify(filter.breakdowns)}::jsonb`;
}

/** Completion dates are whole days in UTC, both ends included. */
export function dateCondition(column: string, filter: ResultsFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filter.from) parts.push(Prisma.sql`AND ${Prisma.raw(column)} >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to)
    parts.push(Prisma.sql`AND ${Prisma.raw(column)} < ${new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS)}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

export const hasDateRange = (filter: ResultsFilter) => Boolean(filter.from || filter.to);
export const hasBreakdowns = (filter: ResultsFilter) => Object.keys(filter.breakdowns).length > 0;

/** The survey total rows (striped over eight cell keys, see the result_cell_totals migration). */
export const TOTAL_CELL_KEYS = Array.from({ length: 8 }, (_, i) => `#${i}`);

/** Which cells to sum: the survey totals when unfiltered, else the breakdown cells matching the filter. */
export function cellsCondition(alias: string, filter: ResultsFilter): Prisma.Sql {
  return hasBreakdowns(filter)
    ? breakdownsCondition(alias, filter)
    : Prisma.sql`AND ${Prisma.raw(alias)}.cell_key = ANY(${TOTAL_CELL_KEYS}::text[])`;
}
