// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API, generated from the zod
// schemas of the route registry (lib/openapi/), once per process.
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { openApiDocument } from "@/lib/openapi/openapi-document";

let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = apiRoute(async () =>
  Response.json((document ??= openApiDocument()), { headers: { "Cache-Control": "public, max-age=300" } }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
