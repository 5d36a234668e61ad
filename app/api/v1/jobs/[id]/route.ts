// GET /api/v1/jobs/{id}: an export's or import's status, progress and outcome (its file's link
// once done). Researchers and owners of the job's survey's organization.
import { getActor } from "@/lib/auth/actor";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { db } from "@/lib/db/client";
import { answer, notFound, readParams, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { DataJobParamsSchema, DataJobViewSchema } from "@/lib/jobs/data-job-schemas";
import { findDataJob, toDataJobView } from "@/lib/jobs/find-data-jobs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const params = readParams(await ctx.params, DataJobParamsSchema);
  const job = params && (await findDataJob(db, actor, params.id));
  if (!job) return notFound(t("jobs.errors.notFound"));
  return answer(DataJobViewSchema, toDataJobView(job, t), {
    headers: { "Cache-Control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
