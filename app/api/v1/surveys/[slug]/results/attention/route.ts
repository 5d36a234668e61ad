// GET /api/v1/surveys/{slug}/results/attention?level=macro&region=…&industry=…&from=…&to=…&measure=cases|responses
// One level's attention shares with base n and 95 % Wilson intervals (DESIGN.md §4, §5).
// Public for surveys that share their dashboard; otherwise members of the owning organization.
import { issuesOf, validationFailed } from "@/lib/http/api-response";
import { AttentionQuerySchema } from "@/lib/analytics/dashboard-schema";
import { getAttention } from "@/lib/analytics/results";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, search, request);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  const query = AttentionQuerySchema.safeParse({
    level: search.get("level") ?? undefined,
    measure: search.get("measure") || undefined,
  });
  if (!query.success)
    return validationFailed(
      issuesOf(query.error),
      "Give level=macro, middle or micro, and measure=cases or responses.",
    );
  const result = await getAttention({ ...resolved, ...query.data });
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
