// /s/{slug}: a firm fills in a survey. ?token= opens an invitation, ?resume= a saved filling.
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { openWaveOf } from "@/lib/responses/open-wave";
import { findPublicSurvey } from "@/lib/responses/public-survey";
import { resumeBySubmission, resumeByToken, type ResumeState } from "@/lib/responses/resume-state";
import { resumeSectionOf } from "@/lib/responses/resume-section";
import { RespondentForm } from "@/components/questionnaire/respondent-form";
import { SurveyNotice } from "@/components/questionnaire/survey-notice";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The metadata and the page need the same survey: one query per render.
const surveyBySlug = cache((slug: string) => findPublicSurvey({ db, slug }));

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const survey = await surveyBySlug((await params).slug);
  const locale = (await getLocale()) as Locale;
  return survey ? { title: locale === "zh" ? survey.title.zh : survey.title.en } : {};
}

export default async function SurveyPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const survey = await surveyBySlug(slug);
  if (!survey) notFound();
  const t = await getTranslations("respondent.page");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const title = locale === "zh" ? survey.title.zh : survey.title.en;
  // Survey dates are shown in China Standard Time, the time zone of the surveys this platform serves.
  const date = (d: Date | string | null) =>
    d ? format.dateTime(new Date(d), { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "";
  const notice = (heading: string, body: string, tone?: "done") => (
    <SurveyNotice surveyTitle={title} title={heading} tone={tone}>
      <p>{body}</p>
    </SurveyNotice>
  );

  if (survey.state === "not_yet_open")
    return notice(t("notOpenTitle"), t("notOpenBody", { date: date(survey.opensAt) }));
  if (survey.state === "closed") {
    const wave = await openWaveOf({ db, survey });
    return (
      <SurveyNotice surveyTitle={title} title={t("closedTitle")}>
        <p>{t("closedBody", { date: date(survey.closesAt) })}</p>
        {wave && (
          <p className="mt-3">
            {t("openWave", { title: localizedText(wave.title, locale) })}{" "}
            <Link href={`/s/${wave.slug}`} className="font-medium text-blue-800 underline">
              {t("openWaveLink")}
            </Link>
          </p>
        )}
      </SurveyNotice>
    );
  }
  const token = one(query.token);
  const resume = one(query.resume);
  if (survey.requiresToken && !token) return notice(t("inviteOnlyTitle"), t("inviteOnlyBody"));

  const state: ResumeState = token
    ? await resumeByToken({ db, surveyId: survey.id, token })
    : resume
      ? await resumeBySubmission({ db, surveyId: survey.id, submissionId: resume })
      : { kind: "fresh" };
  if (state.kind === "token_invalid") return notice(t("tokenInvalidTitle"), t("tokenInvalidBody"));
  if (state.kind === "token_used")
    return notice(t("tokenUsedTitle"), t("tokenUsedBody", { date: date(state.usedAt) }), "done");
  if (state.kind === "complete")
    return notice(t("alreadySubmittedTitle"), t("alreadySubmittedBody", { date: date(state.completedAt) }), "done");

  const def = survey.definition;
  const initial =
    state.kind === "partial"
      ? {
          submissionId: state.submissionId,
          answers: state.answers,
          sectionCode: resumeSectionOf(def, state.answers),
          startedAt: state.startedAt,
          revision: state.revision,
          resumed: true,
        }
      : {
          submissionId: randomUUID(),
          answers: {},
          sectionCode: def.sections[0].code,
          startedAt: new Date().toISOString(),
          revision: 0,
          resumed: false,
        };

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        {def.description && (
          <p className="mt-2 leading-relaxed text-slate-700">{localizedText(def.description, locale)}</p>
        )}
        {survey.closesAt && (
          <p className="mt-2 text-sm text-slate-600">{t("opensAndCloses", { date: date(survey.closesAt) })}</p>
        )}
      </header>
      <RespondentForm slug={survey.slug} definition={def} token={token} initial={initial} />
    </div>
  );
}
