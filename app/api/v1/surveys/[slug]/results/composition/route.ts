// GET /api/v1/surveys/{slug}/results/composition?region=…&from=…&to=…
// The sample's make-up: delivered, valid and screened counts, the validity rate, valid responses
// per breakdown value, and responses per day. Same access and filters as the attention endpoint.
import { db } from "@/lib/db/client";
import { getComposition } from "@/lib/analytics/results";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const resolved = await resolveResultsRequest(slug, new URL(request.url).searchParams);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  return Response.json(await getComposition({ db, ...resolved }), {
    headers: { "Cache-Control": "private, no-store" },
  });
}
