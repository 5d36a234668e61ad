// /surveys/{slug}/report?locale=zh|en[&view=public]: the survey's report, to read, print (A4, one
// section per page) or download as PDF. Access as the dashboard's: members of the owning
// organization see exact figures (and may switch to the public version), anyone else the public
// version when the survey shares its dashboard, otherwise 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { resolveLocale } from "@/lib/i18n/request";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { findReportSurvey } from "@/lib/reports/find-report-survey";
import { getSurveyReport } from "@/lib/reports/get-survey-report";
import { ReportQuerySchema, type ReportQuery } from "@/lib/reports/report-query-schema";
import { reportTranslator } from "@/lib/reports/report-translator";
import { SurveyReportDocument } from "@/components/reports/survey-report-document";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A page is forgiving where the API is strict: an unknown language or view falls back to the default. */
const PageQuerySchema = ReportQuerySchema.extend({
  locale: ReportQuerySchema.shape.locale.catch(undefined),
  view: ReportQuerySchema.shape.view.catch(undefined),
});

// The metadata and the page find the same survey: once per render.
const findSurvey = cache(async (slug: string, view: ReportQuery["view"]) =>
  findReportSurvey({ db, slug, actor: await getActor(), view }),
);

async function readRequest({ params, searchParams }: Props) {
  const { slug } = await params;
  const search = await searchParams;
  const query = PageQuerySchema.parse({ locale: search.locale, view: search.view });
  const survey = await findSurvey(slug, query.view);
  return { survey, locale: query.locale ?? (await resolveLocale()), view: query.view };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { survey, locale } = await readRequest(props);
  const t = await getTranslations("reports");
  if (!survey) return { title: t("title") };
  return { title: `${locale === "zh" ? survey.titleZh : survey.titleEn} · ${t("title")}` };
}

export default async function ReportPage(props: Props) {
  const { survey, locale, view } = await readRequest(props);
  if (!survey) notFound();
  const [report, t, ui] = await Promise.all([
    getSurveyReport({ db, actor: await getActor(), survey, locale }),
    reportTranslator(locale),
    getTranslations("reports.toolbar"),
  ]);
  const slug = encodeURIComponent(survey.slug);
  const query = (next: { locale: string; view?: string }) => new URLSearchParams(next).toString();
  const pdfHref = `/api/v1/surveys/${slug}/report.pdf?${query({ locale, ...(view && { view }) })}`;
  const link = "font-medium text-brand-800 underline";
  return (
    <div className="space-y-4">
      <nav
        aria-label={ui("label")}
        className="report-toolbar flex flex-wrap items-center gap-x-5 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
      >
        <span className="flex items-center gap-2">
          {ui("language")}
          {LOCALES.map((l) => (
            <Link
              key={l}
              href={`/surveys/${slug}/report?${query({ locale: l, ...(view && { view }) })}`}
              lang={l === "zh" ? "zh-CN" : "en"}
              aria-current={l === locale ? "page" : undefined}
              className={l === locale ? "font-semibold" : link}
            >
              {LOCALE_NAMES[l]}
            </Link>
          ))}
        </span>
        {(survey.access === "member" || survey.previewingPublic) && (
          <Link
            href={`/surveys/${slug}/report?${query(survey.previewingPublic ? { locale } : { locale, view: "public" })}`}
            className={link}
          >
            {ui(survey.previewingPublic ? "showExact" : "showPublic")}
          </Link>
        )}
        <Link href={`/surveys/${slug}/dashboard`} className={link}>
          {ui("dashboard")}
        </Link>
        <a href={pdfHref} download className="btn btn-sm btn-primary" data-testid="report-download-pdf">
          {ui("downloadPdf")}
        </a>
      </nav>
      <SurveyReportDocument report={report} t={t} />
    </div>
  );
}
