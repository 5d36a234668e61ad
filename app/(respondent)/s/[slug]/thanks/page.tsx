// /s/{slug}/thanks: shown once the answers are stored.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { findPublicSurvey } from "@/lib/responses/public-survey";
import { SurveyNotice } from "@/components/questionnaire/survey-notice";

export const dynamic = "force-dynamic";

export default async function ThanksPage({ params }: { params: Promise<{ slug: string }> }) {
  const survey = await findPublicSurvey({ db, slug: (await params).slug });
  if (!survey) notFound();
  const t = await getTranslations("respondent.page");
  const locale = await getLocale();
  return (
    <SurveyNotice
      surveyTitle={locale === "zh" ? survey.title.zh : survey.title.en}
      title={t("thanksTitle")}
      tone="done"
    >
      <p>{t("thanksBody")}</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        {t("thanksHome")}
      </Link>
    </SurveyNotice>
  );
}
