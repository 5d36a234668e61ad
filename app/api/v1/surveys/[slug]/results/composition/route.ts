// GET /api/v1/surveys/{slug}/results/composition?region=…&from=…&to=…
// The sample's make-up: delivered, valid and screened counts, the validity rate, valid responses
// per breakdown value, and responses per day. Same access and filters as the attention endpoint.
import { getComposition } from "@/lib/analytics/results";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, search, request);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  return Response.json(await getComposition({ ...resolved }), {
    headers: { "Cache-Control": "private, no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
