// GET /api/v1/surveys/{slug}/report.pdf?locale=zh|en[&view=public]
// The survey's report (the page /surveys/{slug}/report) printed to an A4 PDF by Chromium, with
// the same access as the page: members exact figures, the public (surveys that share their
// dashboard) the published ones, anyone else 404. 503 when the PDF cannot be printed in time.
import { createElement } from "react";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { apiError, notFound, readQuery } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { requestLocale } from "@/lib/i18n/api-translator";
import { findReportSurvey } from "@/lib/reports/find-report-survey";
import { getSurveyReport } from "@/lib/reports/get-survey-report";
import { printPdf } from "@/lib/reports/pdf-renderer";
import { PdfUnavailableError } from "@/lib/reports/pdf-unavailable-error";
import { printDocument } from "@/lib/reports/print-document";
import { ReportQuerySchema } from "@/lib/reports/report-query-schema";
import { reportTranslator } from "@/lib/reports/report-translator";
import { SurveyReportDocument } from "@/components/reports/survey-report-document";

export const dynamic = "force-dynamic";

/** Seconds a client should wait before asking again for a PDF that could not be printed. */
const RETRY_AFTER_SECONDS = 30;

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const query = readQuery(new URL(request.url).searchParams, ReportQuerySchema);
  if ("response" in query) return query.response;
  const actor = await getActor(request);
  const survey = await findReportSurvey({ db, slug, actor, view: query.data.view });
  if (!survey) return notFound("There is no survey at this address, or its results are not shared with you.");
  const locale = query.data.locale ?? requestLocale(request);
  const [report, t] = await Promise.all([getSurveyReport({ db, actor, survey, locale }), reportTranslator(locale)]);
  let pdf: Uint8Array;
  try {
    const html = await printDocument({
      body: createElement(SurveyReportDocument, { report, t }),
      locale,
      title: `${report.title} · ${t("reports.title")}`,
    });
    pdf = await printPdf(html);
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    const response = apiError(503, "pdf_unavailable", error.message);
    response.headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
    return response;
  }
  const version = survey.access === "public" ? "-public" : "";
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${survey.slug}-report${version}-${locale}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
