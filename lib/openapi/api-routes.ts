// The registry of the HTTP API: every endpoint with its method, path, parameters, body, answers,
// authentication and permission (lib/auth/permissions.ts). The OpenAPI document served at
// /api/v1/openapi.json is generated from it (openapi-document.ts), and a test fails, naming the
// method and path, for any route file under app/api/ that is missing here. Adding an endpoint is
// adding one entry; its schemas are the ones its route parses with and answers through.
import { z } from "zod";
import {
  GroupsComparisonSchema,
  PairedComparisonSchema,
  SurveysComparisonSchema,
} from "@/lib/analytics/comparison-api-schemas";
import { MAX_COMPARED_GROUPS, MAX_COMPARED_SURVEYS, PairedQuerySchema } from "@/lib/analytics/comparison-query-schema";
import { AttentionQuerySchema, FilterDatesQuerySchema } from "@/lib/analytics/dashboard-schema";
import { AttentionResultSchema, ComparisonSchema, CompositionSchema } from "@/lib/analytics/results-api-schemas";
import {
  ApiTokenListSchema,
  ApiTokenParamsSchema,
  CreateApiTokenBodySchema,
  CreatedApiTokenSchema,
} from "@/lib/auth/api-token-schemas";
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  ExportQuerySchema,
  QUESTIONNAIRE_FORMATS,
} from "@/lib/export/export-query-schema";
import { DataJobListSchema, DataJobParamsSchema, DataJobViewSchema } from "@/lib/jobs/data-job-schemas";
import { WeightingBodySchema } from "@/lib/analytics/weighting/targets-schema";
import { WeightingViewSchema } from "@/lib/analytics/weighting/weighting-api-schemas";
import { LocaleSchema, QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import {
  CreatedQuestionnaireSchema,
  PublishedVersionSchema,
  QuestionnaireDetailSchema,
  QuestionnaireIdParamsSchema,
  QuestionnaireListSchema,
  VersionQuerySchema,
} from "@/lib/questionnaire/questionnaire-api-schemas";
import {
  PublicSurveySchema,
  ResponseDetailSchema,
  ResponseIdParamsSchema,
  ResponseListQuerySchema,
  ResponsePageSchema,
  RescreeningSchema,
  ResumeAnswerSchema,
  ScreenResponseBodySchema,
} from "@/lib/responses/response-api-schemas";
import { SubmissionResultSchema, SubmissionSchema } from "@/lib/responses/submission-schema";
import {
  CollectorListSchema,
  CollectorParamsSchema,
  CollectorSchema,
  CollectorUpdateBodySchema,
  CreateInvitationsBodySchema,
  CreateSurveyBodySchema,
  CreatedInvitationsSchema,
  InvitationListQuerySchema,
  InvitationPageSchema,
  SurveyDetailSchema,
  SurveyListSchema,
  SurveySettingsBodySchema,
  SurveySlugParamsSchema,
} from "@/lib/surveys/survey-api-schemas";
import { XlsformExportQuerySchema, XlsformImportQuerySchema } from "@/lib/questionnaire/xlsform/xlsform-request-schema";
import { XLSFORM_ISSUE_CODES } from "@/lib/questionnaire/xlsform/xlsform-issues";
import { ReportQuerySchema } from "@/lib/reports/report-query-schema";
import type { ApiRouteEntry } from "./route-entry";

const OrganizationQuerySchema = z.object({
  organization: z.string().optional().describe("The slug of one of your organizations; default: the current one."),
});
const ResultsQuerySchema = FilterDatesQuerySchema.extend({
  locale: LocaleSchema.optional().describe("Language of the labels; default: the caller's."),
});
const AttentionResultsQuerySchema = AttentionQuerySchema.extend(ResultsQuerySchema.shape);
const CompareQuerySchema = AttentionQuerySchema.pick({ level: true })
  .extend(ResultsQuerySchema.shape)
  .extend({
    compare_by: z.string().describe("The breakdown to compare by, e.g. size_class."),
    groups: z
      .string()
      .optional()
      .describe(
        `Two to ${MAX_COMPARED_GROUPS} values of that breakdown, comma-separated (micro,small,medium); default: every value with responses.`,
      ),
    group_a: z.string().optional().describe("Instead of groups: one value, for the two-group answer."),
    group_b: z.string().optional().describe("With group_a: another value."),
  });
const PairedQuerySchemaForDocs = PairedQuerySchema.extend(ResultsQuerySchema.shape);
const SurveysCompareQuerySchema = AttentionQuerySchema.pick({ level: true }).extend({
  surveys: z
    .string()
    .describe(`Two to ${MAX_COMPARED_SURVEYS} survey slugs, comma-separated (or the parameter repeated).`),
  locale: ResultsQuerySchema.shape.locale,
});
const SubmissionParamsSchema = SurveySlugParamsSchema.extend({ submissionId: z.uuid() });
const HealthSchema = z.object({ status: z.literal("ok"), database: z.literal("ok"), latencyMs: z.number() });

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XlsformIssueSchema = z
  .object({
    code: z.enum(XLSFORM_ISSUE_CODES),
    sheet: z.string(),
    row: z.int().nullable().describe("The spreadsheet row (the header is row 1); null for a whole sheet or column."),
    column: z.string().nullable(),
    message: z.string(),
  })
  .describe("One issue of a workbook, at its sheet, row and column, worded in the caller's language.");
const ImportedXlsformSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  notMapped: z.array(XlsformIssueSchema).describe("What the questionnaire was imported without."),
});
const ImportProblemSchema = z.object({
  row: z.int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
const ImportDryRunSchema = z.object({
  rows: z.int(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).describe("File column → question code (or a fixed field)."),
  duplicates: z.int(),
  dated: z.boolean(),
  problems: z.array(ImportProblemSchema).describe("Every problem, by row, column and value; empty when importable."),
});
const ImportFormSchema = z.object({
  file: z.string().describe("The CSV or XLSX file (multipart/form-data)."),
  mapping: z.string().optional().describe("JSON: file column → question code; the automatic matching when absent."),
  dryRun: z.enum(["true", "false"]).optional().describe("true (default): only check; false: import."),
});

const surveyNotFound = "No survey of your organizations has this slug.";
const invalid = "The body or the query is not valid: `issues` names each field.";
const roleTooLow = "Your role in the survey's organization does not grant this permission.";

export const API_ROUTES: ApiRouteEntry[] = [
  // Respondents
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}",
    operationId: "getPublicSurvey",
    summary: "The published questionnaire of an open survey",
    tag: "Respondents",
    auth: "public",
    params: SurveySlugParamsSchema,
    responses: { 200: { description: "The survey and its questionnaire version.", schema: PublicSurveySchema } },
    errors: { 404: "No survey has this slug.", 410: "The survey is closed or not yet open (with its dates)." },
  },
  {
    method: "POST",
    path: "/api/v1/surveys/{slug}/responses",
    operationId: "submitResponse",
    summary: "Submit a response, or save a partial one",
    description:
      "Idempotent per submissionId: the same body again answers 200 with the same id and stores nothing twice.",
    tag: "Respondents",
    auth: "public",
    params: SurveySlugParamsSchema,
    body: SubmissionSchema,
    responses: {
      201: { description: "A new (or newly completed) response.", schema: SubmissionResultSchema },
      200: { description: "A replay, or a further partial save.", schema: SubmissionResultSchema },
    },
    errors: {
      403: "The invitation token is missing, unknown or used.",
      404: "No survey has this slug.",
      409: "The submissionId was used with other content, newer answers exist, or a quota is full.",
      410: "The survey is closed or not yet open.",
      413: "The body is too large.",
      422: "Some answers are not valid: `issues` names each.",
      429: "Too many submissions from this address; see Retry-After.",
    },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/responses/{submissionId}",
    operationId: "resumeResponse",
    summary: "Where a filling left off (by its submissionId)",
    tag: "Respondents",
    auth: "public",
    params: SubmissionParamsSchema,
    responses: {
      200: {
        description: "The saved answers of a partial response, or the status of a complete one.",
        schema: ResumeAnswerSchema,
      },
    },
    errors: { 404: "No saved answers have this submissionId." },
  },
  // Questionnaires
  {
    method: "GET",
    path: "/api/v1/questionnaires",
    operationId: "listQuestionnaires",
    summary: "The questionnaires of your organization",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.read",
    responses: { 200: { description: "Newest edit first.", schema: QuestionnaireListSchema } },
    errors: { 403: roleTooLow },
  },
  {
    method: "POST",
    path: "/api/v1/questionnaires",
    operationId: "importQuestionnaire",
    summary: "Import a questionnaire definition as a new draft",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.write",
    query: OrganizationQuerySchema,
    body: QuestionnaireDefinitionSchema,
    responses: { 201: { description: "The new questionnaire.", schema: CreatedQuestionnaireSchema } },
    errors: {
      403: roleTooLow,
      409: "The organization already has a questionnaire with this code.",
      413: "The body is too large.",
      422: invalid,
    },
  },
  {
    method: "GET",
    path: "/api/v1/questionnaires/{id}",
    operationId: "getQuestionnaire",
    summary: "A questionnaire's draft and published versions",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.read",
    params: QuestionnaireIdParamsSchema,
    responses: { 200: { description: "The draft and the versions, newest first.", schema: QuestionnaireDetailSchema } },
    errors: { 404: "No questionnaire of your organizations has this id." },
  },
  {
    method: "GET",
    path: "/api/v1/questionnaires/{id}/definition",
    operationId: "downloadDefinition",
    summary: "The draft or a published version as a definition file",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.read",
    params: QuestionnaireIdParamsSchema,
    query: VersionQuerySchema,
    responses: {
      200: { description: "The definition (DESIGN.md §3), as an attachment.", contentTypes: ["application/json"] },
    },
    errors: { 400: "version is not a positive whole number.", 404: "No such questionnaire or version." },
  },
  {
    method: "POST",
    path: "/api/v1/questionnaires/{id}/versions",
    operationId: "publishQuestionnaire",
    summary: "Publish the draft as the next immutable version",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.write",
    params: QuestionnaireIdParamsSchema,
    responses: {
      201: { description: "The new version, with its id for POST /api/v1/surveys.", schema: PublishedVersionSchema },
    },
    errors: {
      404: "No questionnaire of your organizations has this id.",
      422: "The draft has problems: `issues` names each.",
    },
  },
  {
    method: "POST",
    path: "/api/v1/questionnaires/xlsform",
    operationId: "importXlsform",
    summary: "Import an XLSForm workbook (KoboToolbox, ODK) as a new draft",
    description: "The body is the .xlsx file. What cannot be mapped is listed in notMapped, never dropped silently.",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.write",
    query: XlsformImportQuerySchema,
    responses: { 201: { description: "The new draft and what it left out.", schema: ImportedXlsformSchema } },
    errors: {
      400: "No file in the body.",
      403: roleTooLow,
      409: "The organization already has a questionnaire with this code.",
      413: "The file is too large.",
      422: "The workbook cannot be imported: `issues` names each sheet, row and column.",
    },
  },
  {
    method: "GET",
    path: "/api/v1/questionnaires/{id}/xlsform",
    operationId: "exportXlsform",
    summary: "The draft or a published version as an XLSForm workbook",
    tag: "Questionnaires",
    auth: "member",
    permission: "questionnaires.read",
    params: QuestionnaireIdParamsSchema,
    query: XlsformExportQuerySchema,
    responses: { 200: { description: "The workbook, as an attachment.", contentTypes: [XLSX] } },
    errors: { 404: "No such questionnaire or version.", 422: "The draft is not a valid questionnaire yet." },
  },
  {
    method: "POST",
    path: "/api/v1/surveys/{slug}/imports",
    operationId: "importResponses",
    summary: "Check, then import, responses from a CSV or XLSX file (all or nothing)",
    tag: "Responses",
    auth: "member",
    permission: "responses.write",
    params: SurveySlugParamsSchema,
    body: ImportFormSchema,
    responses: {
      200: { description: "The dry run: the mapping and every problem.", schema: ImportDryRunSchema },
      202: {
        description:
          "The file has no problem: a background job imports every row or none. Location: its status, which reports progress, then { imported, screened }.",
        schema: DataJobViewSchema,
      },
    },
    errors: {
      400: "No file in the form.",
      404: surveyNotFound,
      413: "The file is too large.",
      422: "The file cannot be imported: `problems` lists each row, column and value; nothing is stored.",
    },
  },
  // Surveys
  {
    method: "GET",
    path: "/api/v1/surveys",
    operationId: "listSurveys",
    summary: "The surveys of your organization",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.read",
    query: OrganizationQuerySchema,
    responses: { 200: { description: "Newest first, with counts.", schema: SurveyListSchema } },
    errors: { 403: "You are not a member of that organization." },
  },
  {
    method: "POST",
    path: "/api/v1/surveys",
    operationId: "createSurvey",
    summary: "Field a published questionnaire version as a survey",
    description: "The survey starts with an open link; its organization is the version's.",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    body: CreateSurveyBodySchema,
    responses: { 201: { description: "The new survey.", schema: SurveyDetailSchema } },
    errors: { 403: roleTooLow, 409: "Another survey uses this slug (`suggestion` is a free one).", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/settings",
    operationId: "getSurvey",
    summary: "A survey's settings, status, version and counts",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    responses: { 200: { description: "The survey.", schema: SurveyDetailSchema } },
    errors: { 404: surveyNotFound },
  },
  {
    method: "PATCH",
    path: "/api/v1/surveys/{slug}/settings",
    operationId: "updateSurvey",
    summary: "Change a survey's settings",
    description:
      "Only the fields given change; null clears a date or the minimum time. The rules are the settings form's.",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    body: SurveySettingsBodySchema,
    responses: { 200: { description: "The survey as changed.", schema: SurveyDetailSchema } },
    errors: { 403: roleTooLow, 404: surveyNotFound, 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/weighting",
    operationId: "getWeighting",
    summary: "A survey's population targets and the state of its weights",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    responses: {
      200: { description: "The targets, the last computation and whether it is current.", schema: WeightingViewSchema },
    },
    errors: { 404: "No survey of your organizations has this slug, or it is not weighted." },
  },
  {
    method: "PUT",
    path: "/api/v1/surveys/{slug}/weighting",
    operationId: "setWeighting",
    summary: "Set population targets (CSV or JSON); the weights are computed in the background",
    description:
      "post_stratify: a full table of counts by breakdown cells (CSV: one column per breakdown and count). rake: margins (CSV: variable,value,total), with tolerance and maxIterations. trimCap trims weights above that many times the mean weight, then rakes again. The weights are recomputed whenever the valid responses change.",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    body: WeightingBodySchema,
    responses: { 202: { description: "Saved; the computation is queued.", schema: WeightingViewSchema } },
    errors: {
      403: roleTooLow,
      404: surveyNotFound,
      422: "The targets do not fit the survey: `problems` lists each row, column and value; nothing is stored.",
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/surveys/{slug}/weighting",
    operationId: "removeWeighting",
    summary: "Stop weighting a survey (targets, weights and weighted figures removed)",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    responses: { 204: { description: "Removed." } },
    errors: { 403: roleTooLow, 404: "No survey of your organizations has this slug, or it is not weighted." },
  },
  {
    method: "POST",
    path: "/api/v1/surveys/{slug}/screening",
    operationId: "reapplyMinimumTime",
    summary: "Apply the survey's minimum completion time to the responses already stored",
    description:
      "Valid responses completed faster are screened out as too fast; responses screened as too fast that the minimum no longer catches are restored (unless they repeat a firm). Screenings by hand stay. Audited.",
    tag: "Responses",
    auth: "member",
    permission: "responses.write",
    params: SurveySlugParamsSchema,
    responses: { 200: { description: "The minimum applied and the counts changed.", schema: RescreeningSchema } },
    errors: { 404: surveyNotFound },
  },
  {
    method: "POST",
    path: "/api/v1/surveys/{slug}/close",
    operationId: "closeSurvey",
    summary: "Close a survey now",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    responses: {
      200: { description: "The closed survey (closing twice changes nothing).", schema: SurveyDetailSchema },
    },
    errors: { 403: roleTooLow, 404: surveyNotFound },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/collectors",
    operationId: "listCollectors",
    summary: "A survey's collectors",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    responses: { 200: { description: "Oldest first.", schema: CollectorListSchema } },
    errors: { 403: roleTooLow, 404: surveyNotFound },
  },
  {
    method: "PATCH",
    path: "/api/v1/surveys/{slug}/collectors/{collectorId}",
    operationId: "updateCollector",
    summary: "Close or reopen a collector",
    description: "Closing the open link makes the survey invitation-only.",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: CollectorParamsSchema,
    body: CollectorUpdateBodySchema,
    responses: { 200: { description: "The collector.", schema: CollectorSchema } },
    errors: { 403: roleTooLow, 404: "No such survey or collector.", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/invitations",
    operationId: "listInvitations",
    summary: "A survey's invitations, page by page",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    query: InvitationListQuerySchema,
    responses: { 200: { description: "In the order they were made.", schema: InvitationPageSchema } },
    errors: { 403: roleTooLow, 404: surveyNotFound, 422: invalid },
  },
  {
    method: "POST",
    path: "/api/v1/surveys/{slug}/invitations",
    operationId: "createInvitations",
    summary: "Create an invitation list",
    description: "One single-use token per firm, answered once with each firm's personal link.",
    tag: "Surveys",
    auth: "member",
    permission: "surveys.manage",
    params: SurveySlugParamsSchema,
    body: CreateInvitationsBodySchema,
    responses: {
      201: { description: "The list's collector and each firm's token and link.", schema: CreatedInvitationsSchema },
    },
    errors: { 403: roleTooLow, 404: surveyNotFound, 413: "The body is too large.", 422: invalid },
  },
  // Responses
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/responses",
    operationId: "listResponses",
    summary: "A survey's responses, page by page",
    description:
      "Ordered by completion time (partial responses last), then id. Filters: status, collector, from/to (completion days, UTC) and breakdown values as the dashboard defines them (region=…).",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: SurveySlugParamsSchema,
    query: ResponseListQuerySchema.extend(FilterDatesQuerySchema.shape),
    breakdownFilters: true,
    responses: { 200: { description: "One page.", schema: ResponsePageSchema } },
    errors: { 403: roleTooLow, 404: surveyNotFound, 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/responses/{id}",
    operationId: "getResponse",
    summary: "One response",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: ResponseIdParamsSchema,
    responses: { 200: { description: "The response with its answers and screening.", schema: ResponseDetailSchema } },
    errors: { 404: "No response of a survey whose responses you may read has this id." },
  },
  {
    method: "PUT",
    path: "/api/v1/responses/{id}/screening",
    operationId: "screenResponse",
    summary: "Screen a response out of the valid set",
    tag: "Responses",
    auth: "member",
    permission: "responses.write",
    params: ResponseIdParamsSchema,
    body: ScreenResponseBodySchema,
    responses: { 200: { description: "The screened response.", schema: ResponseDetailSchema } },
    errors: { 404: "No such response.", 409: "Only complete responses can be screened.", 422: invalid },
  },
  {
    method: "DELETE",
    path: "/api/v1/responses/{id}/screening",
    operationId: "restoreResponse",
    summary: "Restore a screened response to the valid set",
    tag: "Responses",
    auth: "member",
    permission: "responses.write",
    params: ResponseIdParamsSchema,
    responses: { 200: { description: "The restored response.", schema: ResponseDetailSchema } },
    errors: { 404: "No such response." },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/export",
    operationId: "exportResponses",
    summary: "Export the responses (a background job), or the codebook or DDI file",
    description:
      "csv, xlsx, sav and dta are made by a background job: 202 with the job, whose status (Location) links the file when done, for a day. codebook and ddi describe the questionnaire and are answered at once.",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: SurveySlugParamsSchema,
    query: ExportQuerySchema,
    breakdownFilters: true,
    responses: {
      200: {
        description: "The codebook or the DDI file, as an attachment.",
        contentTypes: [...new Set(QUESTIONNAIRE_FORMATS.map((f) => EXPORT_CONTENT_TYPES[f]))],
      },
      202: { description: "The export job, queued.", schema: DataJobViewSchema },
    },
    errors: { 403: roleTooLow, 404: surveyNotFound, 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/jobs",
    operationId: "listDataJobs",
    summary: "The survey's exports and imports of the past week, newest first",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: SurveySlugParamsSchema,
    responses: { 200: { description: "Up to 20 jobs with their progress and files.", schema: DataJobListSchema } },
  },
  {
    method: "GET",
    path: "/api/v1/jobs/{id}",
    operationId: "getDataJob",
    summary: "An export's or import's status, progress and outcome",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: DataJobParamsSchema,
    responses: { 200: { description: "The job; `file` links an export's file once done.", schema: DataJobViewSchema } },
    errors: { 404: "No job of your organizations has this id." },
  },
  {
    method: "GET",
    path: "/api/v1/jobs/{id}/file",
    operationId: "downloadDataJobFile",
    summary: "A finished export's file, for a day after it was made",
    tag: "Responses",
    auth: "member",
    permission: "responses.read",
    params: DataJobParamsSchema,
    responses: {
      200: {
        description: "The file, as an attachment.",
        contentTypes: [...new Set(EXPORT_FORMATS.map((f) => EXPORT_CONTENT_TYPES[f]))],
      },
    },
    errors: {
      404: "No export job of your organizations has this id.",
      409: "The job has not finished (or failed): see its status.",
      410: "The file was deleted a day after it was made.",
    },
  },
  // Results
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/results/attention",
    operationId: "getAttention",
    summary: "One level's attention shares with base n and 95 % intervals",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    query: AttentionResultsQuerySchema,
    breakdownFilters: true,
    responses: {
      200: { description: "The level's factors with counts, shares and intervals.", schema: AttentionResultSchema },
    },
    errors: { 404: "No survey at this address, or its results are not shared with you.", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/results/composition",
    operationId: "getComposition",
    summary: "The sample's make-up: counts, validity rate, breakdowns, days",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    query: ResultsQuerySchema,
    breakdownFilters: true,
    responses: {
      200: { description: "Counts per state, breakdown value and day.", schema: CompositionSchema },
    },
    errors: { 404: "No survey at this address, or its results are not shared with you.", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/results/compare",
    operationId: "compareGroups",
    summary: "Each factor's share in k groups of a breakdown, with z- or chi-square tests and Holm-adjusted p-values",
    description:
      "With compare_by (and groups), the k-group answer: the z-test for two groups, Pearson's chi-square (2 × k, uncorrected) for more. With group_a and group_b, the two-group answer of earlier versions.",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    query: CompareQuerySchema,
    breakdownFilters: true,
    responses: {
      200: {
        description: "Each group's shares per factor and the tests.",
        schema: z.union([GroupsComparisonSchema, ComparisonSchema]),
      },
    },
    errors: { 404: "No survey at this address, or its results are not shared with you.", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/results/paired",
    operationId: "compareFactorsPaired",
    summary: "Two factors of a level answered by the same firms, with McNemar's test",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    query: PairedQuerySchemaForDocs,
    breakdownFilters: true,
    responses: {
      200: {
        description: "Both shares over the firms that answered both items, the discordant counts and the test.",
        schema: PairedComparisonSchema,
      },
    },
    errors: { 404: "No survey at this address, or its results are not shared with you.", 422: invalid },
  },
  {
    method: "GET",
    path: "/api/v1/compare",
    operationId: "compareSurveys",
    summary: "Two or more surveys side by side on one level: shared factors tested, the others listed apart",
    description:
      "Each survey is read as the caller may see it: exact for members of its organization, the published figures of a public dashboard.",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    query: SurveysCompareQuerySchema,
    responses: {
      200: { description: "Per shared factor, each survey's share and the test.", schema: SurveysComparisonSchema },
    },
    errors: {
      404: "One of the surveys does not exist, or its results are not shared with you (the message names it).",
      422: invalid,
    },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/results/stream",
    operationId: "streamResults",
    summary: "Server-sent events when results change",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    responses: {
      200: { description: "`ready` once listening, then `results` per change.", contentTypes: ["text/event-stream"] },
    },
    errors: { 404: "No survey at this address, or its results are not shared with you." },
  },
  {
    method: "GET",
    path: "/api/v1/surveys/{slug}/report.pdf",
    operationId: "getReportPdf",
    summary: "The survey's report as an A4 PDF",
    description:
      "The report page (/surveys/{slug}/report) printed by Chromium: the sample and why responses were screened out, each level's shares with 95 % intervals and bases, significant group differences in words, method notes. Members get exact figures, the public (surveys that share their dashboard) the published ones.",
    tag: "Results",
    auth: "public-or-member",
    permission: "surveys.read",
    params: SurveySlugParamsSchema,
    query: ReportQuerySchema,
    responses: { 200: { description: "The report, as an attachment.", contentTypes: ["application/pdf"] } },
    errors: {
      404: "No survey at this address, or its results are not shared with you.",
      422: invalid,
      503: "The PDF could not be printed (no Chromium on the server, too busy, or too slow); Retry-After says when to ask again.",
    },
  },
  // API tokens
  {
    method: "GET",
    path: "/api/v1/tokens",
    operationId: "listTokens",
    summary: "Your API tokens",
    tag: "Tokens",
    auth: "member",
    responses: { 200: { description: "Active first, newest first; never the secrets.", schema: ApiTokenListSchema } },
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    operationId: "createToken",
    summary: "Create an API token for yourself",
    description: "Only in a signed-in session: a token cannot create further tokens.",
    tag: "Tokens",
    auth: "session",
    body: CreateApiTokenBodySchema,
    responses: { 201: { description: "The token, shown once.", schema: CreatedApiTokenSchema } },
    errors: { 403: "Called with an API token.", 422: invalid },
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    operationId: "revokeToken",
    summary: "Revoke one of your API tokens",
    tag: "Tokens",
    auth: "member",
    params: ApiTokenParamsSchema,
    responses: { 204: { description: "Revoked: the token is refused from now on." } },
    errors: { 404: "You have no active token with this id." },
  },
  // The service
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApi",
    summary: "This description of the API (OpenAPI 3.1)",
    tag: "Service",
    auth: "public",
    responses: { 200: { description: "The OpenAPI document.", contentTypes: ["application/json"] } },
  },
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Whether the service reaches its database",
    tag: "Service",
    auth: "public",
    responses: { 200: { description: "The database answers.", schema: HealthSchema } },
    errors: { 503: "The database does not answer." },
  },
];

/** Route files under app/api/ that are not part of the documented API, and why. */
export const UNDOCUMENTED_ROUTES: { path: string; reason: string }[] = [
  {
    path: "/api/auth/[...nextauth]",
    reason: "next-auth's own sign-in and session endpoints, used by the sign-in page",
  },
  { path: "/api/v1/[...path]", reason: "answers 404 in JSON for any address no endpoint serves" },
];
