// GET /api/v1/surveys/{slug}/results/paired?level=macro&a=national_policy&b=fiscal_tax_support[&region=…]
// Two factors of a level answered by the same firms: both shares over the firms that answered
// both items, the discordant counts and McNemar's test. Same access, filters and small-cell rule
// as the attention endpoint.
import { validationFailed } from "@/lib/http/api-response";
import { parsePairedQuery, withoutPairedFactors } from "@/lib/analytics/comparison-query-schema";
import { getPairedComparison } from "@/lib/analytics/get-paired-comparison";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, withoutPairedFactors(search), request);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  const pair = parsePairedQuery(
    { level: search.get("level") ?? undefined, a: search.get("a") ?? undefined, b: search.get("b") ?? undefined },
    resolved.survey.definition,
  );
  if ("issues" in pair) return validationFailed(pair.issues, "Give level and two different factors a and b of it.");
  const result = await getPairedComparison({ ...resolved, pair });
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
