// GET /api/v1/surveys/{slug}/export?format=csv|xlsx|sav|dta|codebook|ddi&locale=zh|en
//   &values=codes|labels&responses=all|valid, plus the dashboard's filter (breakdown=value, from, to)
// Researchers and owners of the survey's organization (session or API token); streamed.
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { exportSurvey } from "@/lib/export/export-survey";
import { EXPORT_PARAMS, ExportQuerySchema } from "@/lib/export/export-query-schema";
import { parseResultsFilter } from "@/lib/analytics/dashboard-schema";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";
import { apiError, unauthorized, validationFailed } from "@/lib/http/api-response";
import { isLocale } from "@/lib/i18n/locales";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor();
  if (!actor) return unauthorized();
  const t = await getTranslations("export.errors");
  const search = new URL(request.url).searchParams;
  const query = ExportQuerySchema.safeParse(Object.fromEntries(search));
  if (!query.success) {
    const issues = query.error.issues.map((i) => {
      const field = String(i.path[0]);
      return {
        path: i.path.map(String),
        message: EXPORT_PARAMS.includes(field) ? t(field as "format") : i.message,
      };
    });
    return validationFailed(issues, issues[0]?.message);
  }
  const { slug } = await params;
  const found = await findExportableSurvey({ db, actor, slug });
  if (found.status === "not_found") return apiError(404, "not_found", t("notFound"));
  if (found.status === "forbidden") return apiError(403, "forbidden", t("forbidden"));

  const filterParams = new URLSearchParams([...search].filter(([key]) => !EXPORT_PARAMS.includes(key)));
  const filter = parseResultsFilter(filterParams, surveyBreakdowns(found.survey.definitions[0]));
  if ("issues" in filter) return validationFailed(filter.issues, filter.issues[0]?.message);

  const locale = query.data.locale ?? (isLocale(found.survey.defaultLocale) ? found.survey.defaultLocale : "zh");
  const file = await exportSurvey({
    db,
    actor,
    survey: found.survey,
    format: query.data.format,
    locale,
    values: query.data.values,
    responses: { filter: filter.filter, validOnly: query.data.responses === "valid" },
  });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
