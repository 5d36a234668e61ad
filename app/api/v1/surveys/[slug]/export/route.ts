// GET /api/v1/surveys/{slug}/export?format=csv|xlsx|sav|dta|codebook|ddi&locale=zh|en
//   &values=codes|labels&responses=all|valid, plus the dashboard's filter (breakdown=value, from, to)
// Researchers and owners of the survey's organization (session or API token). Response files are
// made by a background job: 202 with the job (Location: its status URL, which links the file when
// done). The codebook and the DDI file describe the questionnaire only and are answered at once.
import { getActor } from "@/lib/auth/actor";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { db } from "@/lib/db/client";
import { exportSurvey } from "@/lib/export/export-survey";
import { EXPORT_PARAMS, QUESTIONNAIRE_FORMATS } from "@/lib/export/export-query-schema";
import { findExportableSurvey } from "@/lib/export/find-exportable-survey";
import { parseExportRequest } from "@/lib/export/parse-export-request";
import { answer, apiError, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { createDataJob } from "@/lib/jobs/create-data-job";
import { DataJobViewSchema } from "@/lib/jobs/data-job-schemas";
import { findDataJob, toDataJobView } from "@/lib/jobs/find-data-jobs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const { slug } = await params;
  const found = await findExportableSurvey({ db, actor, slug });
  if (found.status === "not_found") return apiError(404, "not_found", t("export.errors.notFound"));
  if (found.status === "forbidden") return apiError(403, "forbidden", t("export.errors.forbidden"));
  const { survey } = found;

  const search = new URL(request.url).searchParams;
  const parsed = parseExportRequest(search, survey.definitions[0]);
  if ("issues" in parsed) {
    const issues = parsed.issues.map((i) => ({
      path: i.path,
      message: i.param && EXPORT_PARAMS.includes(i.param) ? t(`export.errors.${i.param}`) : i.message,
    }));
    return validationFailed(issues, issues[0]?.message);
  }
  const { query, responses } = parsed;

  if (QUESTIONNAIRE_FORMATS.includes(query.format)) {
    const file = await exportSurvey({
      db,
      actor,
      survey,
      format: query.format,
      locale: query.locale,
      values: query.values,
      responses,
    });
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  }

  const created = await createDataJob({
    db,
    actor,
    surveyId: survey.id,
    request: { kind: "export", params: { query: Object.fromEntries(search), via: actor.via } },
  });
  const job = await findDataJob(db, actor, created.id);
  if (!job) return apiError(404, "not_found", t("export.errors.notFound"));
  const view = toDataJobView(job, t);
  return answer(DataJobViewSchema, view, { status: 202, headers: { Location: view.url, "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
