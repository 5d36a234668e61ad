// GET /api/v1/compare?surveys=jilin-2017,jilin-2020&level=macro[&locale=en]
// Two or more surveys side by side on one level: the factors they share, each survey's share, n
// and interval, and the z-test (two surveys) or chi-square (more) per factor, Holm-adjusted. Each
// survey is read as the caller may see it; a slug the caller may not see answers 404, naming it.
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound, validationFailed } from "@/lib/http/api-response";
import { parseSurveysQuery } from "@/lib/analytics/comparison-query-schema";
import { getSurveysComparison } from "@/lib/analytics/get-surveys-comparison";
import { apiRoute, methodsNotAllowed } from "@/lib/http/api-route";
import { isLocale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/request";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const query = parseSurveysQuery(search);
  if ("issues" in query) return validationFailed(query.issues, "Give surveys=<slug>,<slug>… and level.");
  const asked = search.get("locale");
  const locale = isLocale(asked) ? asked : await resolveLocale();
  const actor = await getActor(request);
  const result = await getSurveysComparison({ db, actor, slugs: query.surveys, level: query.level, locale });
  if ("notFound" in result)
    return notFound(`There is no survey at "${result.notFound}", or its results are not shared with you.`);
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("GET");
