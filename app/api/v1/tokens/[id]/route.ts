// DELETE /api/v1/tokens/{id}: revoke one of the caller's tokens (owners: any token made for their
// organization); it is refused from then on. A script may revoke the very token it calls with.
import { getActor } from "@/lib/auth/actor";
import { ApiTokenParamsSchema } from "@/lib/auth/api-token-schemas";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { db } from "@/lib/db/client";
import { notFound, readParams, unauthorized } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const DELETE = apiRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  const params = readParams(await ctx.params, ApiTokenParamsSchema);
  if (!params || !(await revokeApiToken({ db, actor, tokenId: params.id })))
    return notFound("You have no active API token with this id.");
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed("DELETE");
