// Which responses an export holds: the dashboard's filter (breakdown values, completion dates as
// whole UTC days, lib/analytics/dashboard-schema.ts) and valid responses only or all of them.
import "server-only";
import { dateRangeBounds, type ResultsFilter } from "@/lib/analytics/dashboard-schema";
import type { Prisma } from "@/lib/db/generated/client";

export type ExportFilter = { filter: ResultsFilter; validOnly: boolean };

export function exportWhere(surveyId: string, { filter, validOnly }: ExportFilter): Prisma.ResponseWhereInput {
  const completedAt: Prisma.DateTimeNullableFilter = dateRangeBounds(filter);
  return {
    surveyId,
    ...(validOnly ? { valid: true } : {}),
    ...(filter.from || filter.to ? { completedAt } : {}),
    AND: Object.entries(filter.breakdowns).map(([key, value]) => ({ breakdowns: { path: [key], equals: value } })),
  };
}
