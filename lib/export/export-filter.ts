// Which responses an export holds: the dashboard's filter (breakdown values, completion dates as
// whole UTC days) and valid responses only or all of them, as the SQL condition on the response
// table (alias r). The breakdown and date rules are the dashboards' own (cell-queries.ts), so an
// export holds exactly the firms the filtered dashboard counts.
import "server-only";
import { breakdownsCondition, dateCondition } from "@/lib/analytics/cell-queries";
import type { ResultsFilter } from "@/lib/analytics/dashboard-schema";
import { Prisma } from "@/lib/db/generated/client";

export type ExportFilter = { filter: ResultsFilter; validOnly: boolean };

export function exportCondition(surveyId: string, { filter, validOnly }: ExportFilter): Prisma.Sql {
  return Prisma.sql`r.survey_id = ${surveyId}::uuid ${validOnly ? Prisma.sql`AND r.valid` : Prisma.empty}
    ${dateCondition("r.completed_at", filter)} ${breakdownsCondition("r", filter)}`;
}
