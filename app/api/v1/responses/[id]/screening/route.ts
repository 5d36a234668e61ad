// PUT /api/v1/responses/{id}/screening {"reason": "…"}: screen a complete response out of the
// valid set by hand (a new reason replaces an earlier one). DELETE: restore it, whether a rule or
// a person screened it. Nothing is deleted; both are recorded in the audit log.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answer, apiError, notFound, readJsonBody, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getResponse, toResponseDetail } from "@/lib/responses/get-response";
import { ResponseDetailSchema, ScreenResponseBodySchema } from "@/lib/responses/response-api-schemas";
import { markResponseInvalid, restoreResponse, type ScreenResult } from "@/lib/responses/screen-response";
import type { Actor } from "@/lib/auth/actor";
import messages from "@/messages/en/responses.json";

type Ctx = { params: Promise<{ id: string }> };

async function afterScreening(result: ScreenResult, actor: Actor, id: string) {
  if (result === "not_found") return notFound("No response of a survey whose responses you may screen has this id.");
  if (result === "not_complete") return apiError(409, "not_complete", messages.screening.errors.notComplete);
  const response = await getResponse({ db, actor, id });
  return answer(ResponseDetailSchema, toResponseDetail(response!));
}

export const PUT = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  const body = await readJsonBody(request, ScreenResponseBodySchema, 4096, messages.screening.errors);
  if ("response" in body) return body.response;
  return afterScreening(await markResponseInvalid({ db, actor, id, reason: body.data.reason }), actor, id);
});

export const DELETE = apiRoute(async (request: Request, ctx: Ctx) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  return afterScreening(await restoreResponse({ db, actor, id }), actor, id);
});

export const { GET, POST, PATCH } = methodsNotAllowed("PUT", "DELETE");
