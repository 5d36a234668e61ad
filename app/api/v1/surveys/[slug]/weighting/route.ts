// GET    /api/v1/surveys/{slug}/weighting: the targets and the state of the weights (surveys.read).
// PUT    the targets (CSV text or JSON) and options: 202, weights computed by a background job;
//        422 with every problem by row and column, nothing stored (surveys.manage).
// DELETE stop weighting: targets, weights and weighted sums removed (surveys.manage).
import { getActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { apiTranslator, type ApiTranslate } from "@/lib/i18n/api-translator";
import { answer, apiError, notFound, readJsonBody, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getWeighting } from "@/lib/analytics/weighting/get-weighting";
import { removeWeighting } from "@/lib/analytics/weighting/remove-weighting";
import { saveWeighting } from "@/lib/analytics/weighting/save-weighting";
import { WeightingBodySchema } from "@/lib/analytics/weighting/targets-schema";
import { WeightingViewSchema } from "@/lib/analytics/weighting/weighting-api-schemas";
import { findWeightingSurvey, type WeightingSurvey } from "@/lib/analytics/weighting/weighting-survey";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string }> };
const MAX_BODY_BYTES = 1_100_000;

type Found = { response: Response } | { actor: Actor; t: ApiTranslate; survey: WeightingSurvey };

async function surveyFor(request: Request, ctx: Ctx, permission: "surveys.manage" | "surveys.read"): Promise<Found> {
  const actor = await getActor(request);
  if (!actor) return { response: unauthorized() };
  const t = await apiTranslator(request);
  const found = await findWeightingSurvey(db, actor, (await ctx.params).slug, permission);
  if (found.status !== "ok")
    return {
      response:
        found.status === "forbidden"
          ? apiError(403, "forbidden", t("weighting.errors.forbidden"))
          : notFound(t("weighting.errors.notFound")),
    };
  return { actor, t, survey: found.survey };
}

export const GET = apiRoute(async (request: Request, ctx: Ctx) => {
  const found = await surveyFor(request, ctx, "surveys.read");
  if ("response" in found) return found.response;
  const view = await getWeighting(db, found.survey.id, found.t);
  if (!view) return notFound(found.t("weighting.errors.none"));
  return answer(WeightingViewSchema, view, { headers: { "Cache-Control": "no-store" } });
});

export const PUT = apiRoute(async (request: Request, ctx: Ctx) => {
  const found = await surveyFor(request, ctx, "surveys.manage");
  if ("response" in found) return found.response;
  const body = await readJsonBody(request, WeightingBodySchema, MAX_BODY_BYTES);
  if ("response" in body) return body.response;
  const { t } = found;
  const saved = await saveWeighting({ db, actor: found.actor, survey: found.survey, body: body.data });
  if (saved.kind === "invalid")
    return apiError(422, "validation_failed", t("weighting.errors.invalid", { count: saved.problems.length }), {
      problems: saved.problems.map((p) => ({
        row: p.row,
        column: p.column,
        value: p.value,
        message: t(p.reason.key, p.reason.values),
      })),
    });
  return answer(WeightingViewSchema, (await getWeighting(db, found.survey.id, t))!, { status: 202 });
});

export const DELETE = apiRoute(async (request: Request, ctx: Ctx) => {
  const found = await surveyFor(request, ctx, "surveys.manage");
  if ("response" in found) return found.response;
  if (!(await removeWeighting({ db, actor: found.actor, survey: found.survey })))
    return notFound(found.t("weighting.errors.none"));
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodsNotAllowed("GET", "PUT", "DELETE");
