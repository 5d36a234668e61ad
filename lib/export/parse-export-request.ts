// An export's query string read once, the same way by the route (to answer 422 at once) and by
// the worker (which reads it again against the survey as it is when the job runs): the export's
// own parameters, then every other parameter as a dashboard filter of the survey.
import { parseResultsFilter, type ResultsFilter } from "@/lib/analytics/dashboard-schema";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { EXPORT_PARAMS, ExportQuerySchema, type ExportQuery } from "./export-query-schema";
import type { ExportFilter } from "./export-filter";

export type ExportRequestIssue = {
  path: string[];
  message: string;
  /** Set for the export's own parameters, whose messages the route words in the caller's language. */
  param?: string;
};

export function parseExportRequest(
  search: URLSearchParams,
  definition: QuestionnaireDefinition,
): { query: ExportQuery; filter: ResultsFilter; responses: ExportFilter } | { issues: ExportRequestIssue[] } {
  const query = ExportQuerySchema.safeParse(
    Object.fromEntries([...search].filter(([key]) => EXPORT_PARAMS.includes(key))),
  );
  if (!query.success)
    return {
      issues: query.error.issues.map((i) => ({
        path: i.path.map(String),
        message: i.message,
        param: String(i.path[0]),
      })),
    };
  const filter = parseResultsFilter(
    new URLSearchParams([...search].filter(([key]) => !EXPORT_PARAMS.includes(key))),
    surveyBreakdowns(definition),
  );
  if ("issues" in filter)
    return { issues: filter.issues.map((i) => ({ path: i.path.map(String), message: i.message })) };
  return {
    query: query.data,
    filter: filter.filter,
    responses: { filter: filter.filter, validOnly: query.data.responses === "valid" },
  };
}
