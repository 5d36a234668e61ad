// What the researcher API takes and answers about responses (GET /api/v1/surveys/{slug}/responses,
// GET /api/v1/responses/{id}, its screening). Routes encode their answers through these schemas,
// and the OpenAPI document is generated from them. Browser-safe.
import { z } from "zod";
import { IsoDateTimeSchema, cursorPageSchema } from "@/lib/http/wire-schemas";
import { ScreeningReasonSchema } from "./screening-reason-schema";

/** Which responses a list shows; the same states as the responses page. */
export const RESPONSE_FILTERS = ["all", "valid", "screened", "partial"] as const;
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];

export const DEFAULT_RESPONSES_LIMIT = 50;
export const MAX_RESPONSES_LIMIT = 200;

/** The list's own query parameters; dates and breakdowns are the dashboard's filter (dashboard-schema.ts). */
export const ResponseListQuerySchema = z.object({
  status: z
    .enum(RESPONSE_FILTERS)
    .default("all")
    .describe("valid: complete and not screened; screened: complete and screened out; partial: still being filled in."),
  collector: z.uuid({ error: "collector must be the id of one of the survey's collectors" }).optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(MAX_RESPONSES_LIMIT, { error: `limit is at most ${MAX_RESPONSES_LIMIT}` })
    .default(DEFAULT_RESPONSES_LIMIT),
  cursor: z.string().max(200).optional().describe("The nextCursor of the previous page."),
});
export const RESPONSE_LIST_PARAMS = Object.keys(ResponseListQuerySchema.shape);

/** The sort key of a page's last row: completion time (null for partial responses, which come last) and id. */
export const ResponseCursorSchema = z.tuple([z.iso.datetime().nullable(), z.uuid()]);

const ScreeningSchema = z.object({
  rule: z.enum(["too_fast", "duplicate_firm", "consistency", "manual"]),
  reason: z.string().nullable(),
  at: IsoDateTimeSchema,
});

export const ResponseSummarySchema = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  status: z.enum(["partial", "complete"]),
  valid: z.boolean().describe("Complete and not screened out: the responses every count and chart uses."),
  locale: z.string(),
  collector: z.object({ id: z.uuid(), kind: z.enum(["link", "invitation", "paper"]), name: z.string() }).nullable(),
  firmName: z.string().nullable().describe("From the invitation, when the response came through one."),
  firmIdentifier: z.string().nullable(),
  startedAt: IsoDateTimeSchema,
  completedAt: IsoDateTimeSchema.nullable(),
  durationSeconds: z.number().int().nullable(),
  screening: ScreeningSchema.nullable(),
  breakdowns: z.record(z.string(), z.string()).describe("Breakdown key → value, as the dashboard filters them."),
  answers: z.record(z.string(), z.unknown()).describe("questionCode → value, as submitted."),
});
export type ResponseSummary = z.output<typeof ResponseSummarySchema>;

export const ResponsePageSchema = cursorPageSchema(ResponseSummarySchema);

export const ResponseDetailSchema = ResponseSummarySchema.extend({
  survey: z.object({ slug: z.string() }),
  versionNumber: z.number().int(),
  revision: z.number().int(),
  invitationContact: z.string().nullable(),
  screenedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
});

export const ResponseIdParamsSchema = z.object({ id: z.uuid({ error: "The id must be a response id (a UUID)" }) });

export const ScreenResponseBodySchema = z
  .object({ reason: ScreeningReasonSchema.describe("Why the response is screened out (3–500 characters).") })
  .strict();

/** GET /api/v1/surveys/{slug}: what a respondent's client needs to show the questionnaire. */
export const PublicSurveySchema = z.object({
  slug: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  defaultLocale: z.enum(["zh", "en"]),
  opensAt: IsoDateTimeSchema.nullable(),
  closesAt: IsoDateTimeSchema.nullable(),
  requiresToken: z.boolean().describe("Invitation-only: answers need an invitation token."),
  definition: z.record(z.string(), z.unknown()).describe("The published questionnaire version (DESIGN.md §3)."),
});

/** GET /api/v1/surveys/{slug}/responses/{submissionId}: where a filling left off. */
export const ResumeAnswerSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("partial"),
    submissionId: z.uuid(),
    locale: z.enum(["zh", "en"]),
    answers: z.record(z.string(), z.unknown()),
    startedAt: z.string(),
    revision: z.int(),
  }),
  z.object({ status: z.literal("complete"), submissionId: z.uuid(), completedAt: z.string() }),
]);

/** POST /api/v1/surveys/{slug}/screening: the minimum applied and what changed. */
export const RescreeningSchema = z
  .object({
    minCompletionSeconds: z.int().nullable().describe("The survey's minimum completion time that was applied."),
    screened: z.int().describe("Valid responses now screened out as too fast."),
    restored: z.int().describe("Responses screened as too fast that are valid again."),
  })
  .meta({ id: "Rescreening" });
