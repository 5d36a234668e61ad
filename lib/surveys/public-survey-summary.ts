// What the home page says about a survey whose dashboard is public.
import "server-only";
import { db } from "@/lib/db/client";
import { responseCounts, type ResponseCounts } from "@/lib/responses/counts";

export type PublicSurveySummary = { slug: string; titleZh: string; titleEn: string; counts: ResponseCounts };

export async function publicSurveySummary(slug: string): Promise<PublicSurveySummary | null> {
  const survey = await db.survey.findFirst({
    where: { slug, publicDashboard: true },
    select: { id: true, slug: true, titleZh: true, titleEn: true },
  });
  if (!survey) return null;
  return {
    slug: survey.slug,
    titleZh: survey.titleZh,
    titleEn: survey.titleEn,
    counts: await responseCounts(db, survey.id),
  };
}
