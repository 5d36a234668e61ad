// Which responses an export holds: the dashboard's filter (breakdown values, completion dates as
// whole UTC days, lib/analytics/dashboard-schema.ts) and valid responses only or all of them.
import "server-only";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import type { Prisma } from "@/lib/db/generated/client";

export type ExportFilter = { filter: ResultsFilter; validOnly: boolean };

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export function exportWhere(surveyId: string, { filter, validOnly }: ExportFilter): Prisma.ResponseWhereInput {
  const completedAt: Prisma.DateTimeNullableFilter = {};
  if (filter.from) completedAt.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) completedAt.lt = nextDay(filter.to);
  return {
    surveyId,
    ...(validOnly ? { valid: true } : {}),
    ...(filter.from || filter.to ? { completedAt } : {}),
    AND: Object.entries(filter.breakdowns).map(([key, value]) => ({ breakdowns: { path: [key], equals: value } })),
  };
}
