// What the home page says about a survey whose dashboard is public: its counts as the public
// dashboard publishes them (lib/analytics/disclosure.ts), so the two never disagree.
import "server-only";
import { db } from "@/lib/db/client";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { getSampleTotals } from "@/lib/analytics/results";

export type PublicSurveySummary = {
  slug: string;
  titleZh: string;
  titleEn: string;
  /** Null when under the survey's small-cell threshold. */
  counts: { delivered: number | null; valid: number | null };
};

export async function publicSurveySummary(slug: string): Promise<PublicSurveySummary | null> {
  const survey = await findDashboardSurvey({ db, slug, actor: null });
  if (!survey) return null;
  return {
    slug: survey.slug,
    titleZh: survey.titleZh,
    titleEn: survey.titleEn,
    counts: await getSampleTotals({ db, survey }),
  };
}
