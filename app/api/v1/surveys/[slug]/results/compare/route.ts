// GET /api/v1/surveys/{slug}/results/compare?level=macro&compare_by=size_class[&groups=micro,small,medium][&region=…]
// Each factor's share in k ≥ 2 groups of one breakdown (every value with responses, or the ones
// named): the z-test for two groups, chi-square for more, Holm-adjusted. With group_a and group_b
// instead of groups, the two-group answer of issue 10. Same access, filters and small-cell rule
// as the attention endpoint.
import { issuesOf, validationFailed } from "@/lib/http/api-response";
import { parseGroupsComparison } from "@/lib/analytics/comparison-query-schema";
import { AttentionQuerySchema, parseGroupComparison } from "@/lib/analytics/dashboard-schema";
import { getGroupsComparison } from "@/lib/analytics/get-groups-comparison";
import { getComparison } from "@/lib/analytics/results";
import { resolveResultsRequest, resultsErrorResponse } from "@/lib/analytics/resolve-results-request";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "private, no-store" };

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const search = new URL(request.url).searchParams;
  const resolved = await resolveResultsRequest(slug, search, request);
  if ("error" in resolved) return resultsErrorResponse(resolved);
  const query = AttentionQuerySchema.safeParse({ level: search.get("level") ?? undefined });
  if (!query.success) return validationFailed(issuesOf(query.error), "Give level=macro, middle or micro.");
  const breakdowns = surveyBreakdowns(resolved.survey.definition);
  const level = query.data.level;
  if (search.has("group_a") || search.has("group_b")) {
    if (search.has("groups"))
      return validationFailed([{ path: ["groups"], message: "Give groups, or group_a and group_b, not both." }]);
    const compare = parseGroupComparison(search, breakdowns);
    if (!compare || "issues" in compare) return validationFailed(compare?.issues ?? [], "The comparison is not valid.");
    return Response.json(await getComparison({ ...resolved, level, compare }), { headers: HEADERS });
  }
  const compare = parseGroupsComparison(search, breakdowns);
  if (!compare)
    return validationFailed([{ path: ["compare_by"], message: "Give compare_by, and groups or group_a and group_b." }]);
  if ("issues" in compare) return validationFailed(compare.issues, "The comparison is not valid.");
  return Response.json(await getGroupsComparison({ ...resolved, level, compare }), { headers: HEADERS });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
