// GET /api/v1/surveys/{slug}/results/compare?level=macro&compare_by=size_class&group_a=micro&group_b=small[&region=…]
// Each factor's share in two groups, the two-proportion z-test and Holm-adjusted p-values.
// Same access, filters and small-cell rule as the attention endpoint.
import { db } from "@/lib/db/client";
import { issuesOf, validationFailed } from "@/lib/http/api-response";
import { AttentionQuerySchema, parseGroupComparison } from "@/lib/analytics/dashboard-schema";
import { getComparison } from "@/lib/analytics/results";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, search, request);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  const query = AttentionQuerySchema.safeParse({ level: search.get("level") ?? undefined });
  if (!query.success) return validationFailed(issuesOf(query.error), "Give level=macro, middle or micro.");
  const compare = parseGroupComparison(search, surveyBreakdowns(resolved.survey.definition));
  if (!compare) return validationFailed([{ path: ["compare_by"], message: "Give compare_by, group_a and group_b." }]);
  if ("issues" in compare) return validationFailed(compare.issues, "The comparison is not valid.");
  const result = await getComparison({ db, ...resolved, level: query.data.level, compare });
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
