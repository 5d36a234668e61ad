// The survey a report is about, if the caller may read it: exactly as its dashboard
// (findDashboardSurvey): members of the owning organization (viewer and up) get exact figures;
// anyone else, only when the survey shares its dashboard, the public version. A member may ask
// for the public version (view=public) to see what the public is given.
import "server-only";
import type { Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import { findDashboardSurvey, type DashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import type { ReportQuery } from "./report-query-schema";

export async function findReportSurvey(opts: {
  db: Db;
  slug: string;
  actor: Actor | null;
  view: ReportQuery["view"];
}): Promise<DashboardSurvey | null> {
  const found = await findDashboardSurvey(opts);
  if (!found) return null;
  return found.access === "member" && opts.view === "public"
    ? { ...found, access: "public", previewingPublic: true }
    : found;
}
