// The common first steps of every results request (API and page): who asks, which survey they
// may see, and the filter in the query string.
import "server-only";
import { getActor, type Actor } from "@/lib/auth/actor";
import { db as primary, resultsDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/create-client";
import { notFound, validationFailed } from "@/lib/http/api-response";
import { resolveLocale } from "@/lib/i18n/request";
import { isLocale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/api-translator";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { parseResultsFilter, toWholeMonths, type FilterIssue, type ResultsFilter } from "./dashboard-schema";
import { findDashboardSurvey, type DashboardSurvey } from "./find-dashboard-survey";
import { surveyBreakdowns } from "./survey-breakdowns";

export type ResultsRequest = {
  survey: DashboardSurvey;
  filter: ResultsFilter;
  locale: Locale;
  actor: Actor | null;
  /** Where the request reads its figures: the replica while it keeps up, else the primary. */
  db: Db;
};
export type ResultsRequestError =
  { error: "not_found" } | { error: "invalid_filter"; survey: DashboardSurvey; locale: Locale; issues: FilterIssue[] };

/** `request` is the API request (its bearer token is read from it); pages leave it out. */
export async function resolveResultsRequest(
  slug: string,
  params: URLSearchParams,
  request?: Request,
): Promise<ResultsRequest | ResultsRequestError> {
  const actor = await getActor(request);
  // An API request carries its language itself (?locale=, the language cookie, Accept-Language).
  const asked = params.get("locale");
  const locale = isLocale(asked) ? asked : request ? requestLocale(request) : await resolveLocale();
  return resolveResultsFor({ slug, params, actor, locale });
}

/**
 * The same for a caller already known. Live streams read from the primary (`primary`): a fold's
 * notification can arrive before the replica has replayed it, and nothing would come after.
 */
export async function resolveResultsFor(opts: {
  slug: string;
  params: URLSearchParams;
  actor: Actor | null;
  locale: Locale;
  primary?: boolean;
}): Promise<ResultsRequest | ResultsRequestError> {
  const { params, actor, locale } = opts;
  const { db, replica } = opts.primary ? { db: primary, replica: false } : await resultsDb();
  // A replica cannot fold: it reads the cells as of the primary's last fold.
  const found = await findDashboardSurvey({ db, slug: opts.slug, actor, fold: !replica });
  if (!found) return { error: "not_found" };
  // Members may look at the dashboard as the public sees it.
  const survey =
    found.access === "member" && params.get("view") === "public"
      ? { ...found, access: "public" as const, previewingPublic: true }
      : found;
  const parsed = parseResultsFilter(params, surveyBreakdowns(survey.definition));
  if ("issues" in parsed) return { error: "invalid_filter", survey, locale, issues: parsed.issues };
  return {
    survey,
    filter: survey.access === "public" ? toWholeMonths(parsed.filter) : parsed.filter,
    locale,
    actor,
    db,
  };
}

/** The JSON answer for a request that cannot be served (DESIGN.md §5). */
export function resultsErrorResponse(e: ResultsRequestError): Response {
  return e.error === "not_found"
    ? notFound("There is no survey at this address, or its results are not shared with you.")
    : validationFailed(e.issues, "The filter is not valid.");
}
