// Two or more surveys side by side on one level, each read as the caller may see it: exact for
// members of its organization, the published figures of a public dashboard, and otherwise not at
// all (the caller is told that slug was not found, as if it did not exist).
import "server-only";
import type { Actor } from "@/lib/auth/organizations-where";
import type { Db } from "@/lib/db/create-client";
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { findDashboardSurvey, type DashboardSurvey } from "./find-dashboard-survey";
import { levelItems } from "./metric-map";
import { getAttention } from "./results";
import { toSurveysComparison, type SurveysComparison } from "./to-surveys-comparison";

export type GetSurveysComparisonOptions = {
  db: Db;
  actor: Actor | null;
  slugs: string[];
  level: FactorLevel;
  locale: Locale;
};

export async function getSurveysComparison({
  db,
  actor,
  slugs,
  level,
  locale,
}: GetSurveysComparisonOptions): Promise<SurveysComparison | { notFound: string }> {
  const surveys = await Promise.all(slugs.map((slug) => findDashboardSurvey({ db, slug, actor })));
  if (!surveys.every((s): s is DashboardSurvey => s !== null)) return { notFound: slugs[surveys.indexOf(null)] };
  const compared = await Promise.all(
    surveys.map(async (survey) => ({
      slug: survey.slug,
      title: (locale === "zh" ? survey.titleZh : survey.titleEn) || survey.titleZh || survey.titleEn,
      access: survey.access,
      factors: levelItems(survey.definition, level)
        .filter((i) => i.kind !== "option")
        .map((i) => ({ code: i.code, label: localizedText(i.label, locale) })),
      result: await getAttention({
        db,
        survey,
        level,
        filter: { breakdowns: {} },
        measure: "cases",
        locale,
      }),
    })),
  );
  return toSurveysComparison(level, compared);
}
