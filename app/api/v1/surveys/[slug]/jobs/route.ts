// GET /api/v1/surveys/{slug}/jobs: the survey's exports and imports of the past week, newest
// first, with their progress and files. Researchers and owners of the survey's organization.
import { getActor } from "@/lib/auth/actor";
import { apiTranslator } from "@/lib/i18n/api-translator";
import { db } from "@/lib/db/client";
import { answer, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { DataJobListSchema } from "@/lib/jobs/data-job-schemas";
import { listDataJobs, toDataJobView } from "@/lib/jobs/find-data-jobs";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ slug: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const t = await apiTranslator(request);
  const { slug } = await ctx.params;
  const jobs = await listDataJobs(db, actor, slug);
  return answer(
    DataJobListSchema,
    { jobs: jobs.map((job) => toDataJobView(job, t)) },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
