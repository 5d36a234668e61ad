// PATCH /api/v1/surveys/{slug}/collectors/{collectorId} {"open": false}: close a collector (or
// reopen it). Closing the open link makes the survey invitation-only.
import { getActor } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { answer, notFound, readJsonBody, readParams, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getSurvey } from "@/lib/surveys/get-survey";
import { listCollectors } from "@/lib/surveys/list-collectors";
import { setCollectorOpen } from "@/lib/surveys/set-collector-open";
import { CollectorParamsSchema, CollectorSchema, CollectorUpdateBodySchema } from "@/lib/surveys/survey-api-schemas";
import { surveyRefusal } from "@/lib/surveys/survey-refusal";

const noSuchCollector = () => notFound("The survey has no collector with this id.");

export const PATCH = apiRoute(
  async (request: Request, ctx: { params: Promise<{ slug: string; collectorId: string }> }) => {
    const actor = await getActor(request);
    if (!actor) return unauthorized();
    const raw = await ctx.params;
    const survey = await getSurvey({ db, actor, slug: raw.slug, minimum: roleFor("surveys.manage") });
    if (!survey) return surveyRefusal({ db, actor, slug: raw.slug, permission: "surveys.manage" });
    const params = readParams(raw, CollectorParamsSchema);
    if (!params) return noSuchCollector();
    const body = await readJsonBody(request, CollectorUpdateBodySchema, 1024);
    if ("response" in body) return body.response;
    const { slug, collectorId } = params;
    if (!(await setCollectorOpen({ db, actor, slug, collectorId, open: body.data.open }))) return noSuchCollector();
    const collector = (await listCollectors(db, survey.id)).find((c) => c.id === collectorId);
    return answer(CollectorSchema, collector!);
  },
);

export const { GET, POST, PUT, DELETE } = methodsNotAllowed("PATCH");
