// GET /api/v1/tokens: the caller's own API tokens (never their secrets).
// POST: a new token for the caller in one of their organizations (the current one by default).
// Only a signed-in session may create one, as on /account/tokens: a token cannot mint further
// tokens, so revoking a leaked token is the end of it.
import { getActor } from "@/lib/auth/actor";
import { ApiTokenListSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema } from "@/lib/auth/api-token-schemas";
import { createApiToken } from "@/lib/auth/create-api-token";
import { currentOrganization } from "@/lib/auth/current-organization";
import { listApiTokens } from "@/lib/auth/list-api-tokens";
import { db } from "@/lib/db/client";
import { answer, forbidden, readJsonBody, unauthorized, validationFailed } from "@/lib/http/api-response";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import accountMessages from "@/messages/en/account.json";

const ERROR_TEXT = Object.fromEntries(Object.entries(accountMessages.errors).map(([k, v]) => [`errors.${k}`, v]));

export const GET = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  return answer(ApiTokenListSchema, { tokens: await listApiTokens({ db, userId: actor.userId }) });
});

export const POST = apiRoute(async (request: Request) => {
  const actor = await getActor(request);
  if (!actor) return unauthorized();
  if (actor.via !== "session")
    return forbidden("API tokens are created in a signed-in session (or with npm run admin), not with a token.");
  const body = await readJsonBody(request, CreateApiTokenBodySchema, 1024, ERROR_TEXT);
  if ("response" in body) return body.response;
  const organizationId = body.data.organizationId ?? (await currentOrganization(actor))?.id;
  const created = organizationId
    ? await createApiToken({ db, userId: actor.userId, organizationId, name: body.data.name })
    : null;
  if (!created)
    return validationFailed([{ path: ["organizationId"], message: accountMessages.errors.organizationRequired }]);
  return answer(CreatedApiTokenSchema, created, { status: 201 });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed("GET", "POST");
