// GET /api/v1/jobs/{id}/file: a finished export's file, streamed from the database, for a day
// after it was made (then 410). The same callers as the job's status.
import { getActor } from "@/lib/auth/actor";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { db } from "@/lib/db/client";
import { apiError, notFound, readParams, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { DataJobParamsSchema } from "@/lib/jobs/data-job-schemas";
import { findDataJobFile } from "@/lib/jobs/find-data-jobs";
import { readJobFile } from "@/lib/jobs/job-files";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const params = readParams(await ctx.params, DataJobParamsSchema);
  const found = params ? await findDataJobFile(db, actor, params.id) : { status: "not_found" as const };
  if (found.status === "not_found") return notFound(t("jobs.errors.notFound"));
  if (found.status === "expired") return apiError(410, "expired", t("jobs.errors.expired"));
  if (found.status === "not_ready") return apiError(409, "not_ready", t("jobs.errors.notReady"));
  const { job } = found;
  return new Response(readJobFile(db, job.id, "output"), {
    headers: {
      "Content-Type": job.contentType ?? "application/octet-stream",
      "Content-Length": String(job.fileBytes ?? 0),
      "Content-Disposition": `attachment; filename="${job.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
