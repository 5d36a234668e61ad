// GET /api/v1/responses/{id}: one response with its answers, screening and the version it was
// given against (researchers of the survey's organization).
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { answer, notFound, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { getResponse, toResponseDetail } from "@/lib/responses/get-response";
import { ResponseDetailSchema } from "@/lib/responses/response-api-schemas";

export const GET = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const { id } = await ctx.params;
  const response = await getResponse({ db, actor, id });
  if (!response) return notFound("No response of a survey whose responses you may read has this id.");
  return answer(ResponseDetailSchema, toResponseDetail(response), {
    headers: { "Cache-Control": "private, no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
