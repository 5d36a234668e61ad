// What the researcher API takes and answers about surveys, collectors and invitation lists.
// Bodies are JSON with real types; the rules (lengths, ranges, dates in order, slug format) are
// then checked by the same schemas as the survey form (survey-schema.ts), so the API and the UI
// cannot disagree. Routes encode their answers through these schemas, and the OpenAPI document is
// generated from them. Browser-safe.
import { z } from "zod";
import { LocaleSchema } from "@/lib/questionnaire/definition-schema";
import { IsoDateTimeSchema, cursorPageSchema } from "@/lib/http/wire-schemas";
import surveyMessages from "@/messages/en/surveys.json";
import { MAX_FIELD_LENGTH, MAX_INVITATIONS } from "./parse-invitation-csv";

/** The form schemas' message keys in words, for the API's 422 issues. */
export const SURVEY_ERROR_TEXT: Record<string, string> = surveyMessages.errors;

const nullableTime = z.iso
  .datetime({ offset: true, error: "Give a time in ISO 8601, e.g. 2026-03-01T00:00:00+08:00" })
  .nullable();

/** Settings as JSON: every field optional (PATCH changes only what it names; null clears a date or the minimum time). */
export const SurveySettingsBodySchema = z
  .object({
    titleZh: z.string().describe("Title in Chinese; at least one title is required."),
    titleEn: z.string(),
    defaultLocale: LocaleSchema,
    opensAt: nullableTime.describe("No responses before this time; null: open from the start."),
    closesAt: nullableTime.describe("No responses from this time on; null: open until closed."),
    minCompletionSeconds: z
      .int()
      .nullable()
      .describe("Complete responses faster than this are screened out as too fast; null: no minimum."),
    smallCellThreshold: z.int().describe("A public dashboard hides shares whose base is below this (1–1000)."),
    publicDashboard: z.boolean().describe("Whether anyone may read the dashboard and the results API."),
    embedOrigins: z
      .array(z.string())
      .describe("Sites that may show the survey (and a public dashboard) in a frame, as https://host."),
  })
  .partial()
  .strict();
export type SurveySettingsBody = z.infer<typeof SurveySettingsBodySchema>;

export const CreateSurveyBodySchema = SurveySettingsBodySchema.extend({
  versionId: z.uuid({ error: "versionId must be the id of a published questionnaire version" }),
  slug: z.string().describe("The survey's public address: /s/{slug}. Lower-case letters, digits and hyphens."),
  defaultLocale: LocaleSchema,
}).strict();

/** What the survey form sends for fields a new survey's body leaves out (a title may be given in one language). */
export const NEW_SURVEY_FORM_DEFAULTS = { titleZh: "", titleEn: "", publicDashboard: false, embedOrigins: [] };

/** The settings columns of a stored survey. */
type StoredSettings = {
  titleZh: string;
  titleEn: string;
  defaultLocale: string;
  opensAt: Date | null;
  closesAt: Date | null;
  minCompletionSeconds: number | null;
  smallCellThreshold: number;
  publicDashboard: boolean;
  embedOrigins: string[];
};

/** The current settings as the form schema takes them, overlaid with what a body names. */
export function settingsFormInput(current: StoredSettings, body: SurveySettingsBody): Record<string, unknown> {
  return {
    titleZh: current.titleZh,
    titleEn: current.titleEn,
    defaultLocale: current.defaultLocale,
    opensAt: current.opensAt?.toISOString(),
    closesAt: current.closesAt?.toISOString(),
    minCompletionSeconds: current.minCompletionSeconds,
    smallCellThreshold: current.smallCellThreshold,
    publicDashboard: current.publicDashboard,
    embedOrigins: current.embedOrigins,
    ...body,
  };
}

export const SurveySlugParamsSchema = z.object({ slug: z.string().max(64).describe("The survey's slug.") });

const SurveyStatusSchema = z.enum(["scheduled", "open", "closed"]);

export const SurveySummarySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  status: SurveyStatusSchema,
  opensAt: IsoDateTimeSchema.nullable(),
  closesAt: IsoDateTimeSchema.nullable(),
  version: z.object({ number: z.int(), questionnaireCode: z.string() }),
  delivered: z.int().describe("Complete responses, valid or screened out."),
  valid: z.int(),
});
export const SurveyListSchema = z.object({ surveys: z.array(SurveySummarySchema) });

export const SurveyDetailSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  defaultLocale: z.string(),
  status: SurveyStatusSchema,
  opensAt: IsoDateTimeSchema.nullable(),
  closesAt: IsoDateTimeSchema.nullable(),
  minCompletionSeconds: z.int().nullable(),
  smallCellThreshold: z.int(),
  publicDashboard: z.boolean(),
  embedOrigins: z.array(z.string()),
  createdAt: IsoDateTimeSchema,
  version: z.object({ id: z.uuid(), number: z.int(), questionnaireId: z.uuid(), questionnaireCode: z.string() }),
  counts: z.object({ delivered: z.int(), valid: z.int(), screened: z.int(), partial: z.int() }),
});

export const CollectorSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["link", "invitation", "paper"]),
  name: z.string(),
  createdAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable().describe("A closed collector takes no more responses."),
  responses: z.int(),
  invitations: z.int(),
  invitationsUsed: z.int(),
});
export const CollectorListSchema = z.object({ collectors: z.array(CollectorSchema) });

export const CollectorParamsSchema = SurveySlugParamsSchema.extend({
  collectorId: z.uuid({ error: "collectorId must be a collector id (a UUID)" }),
});
/** Closing the open link makes a survey invitation-only; reopening it opens it to anyone with the link again. */
export const CollectorUpdateBodySchema = z.object({ open: z.boolean() }).strict();

const InvitationRowSchema = z
  .object({
    firmName: z.string(),
    contact: z.string().nullable().optional(),
    firmIdentifier: z.string().nullable().optional().describe("Unique within the list: one invitation per firm."),
  })
  .strict();

/** An invitation list's name, in the survey page's upload and the API alike. */
export const InvitationListNameSchema = z.string().trim().min(1).max(100);
export const DEFAULT_INVITATION_LIST_NAME = "Invitations";

export const CreateInvitationsBodySchema = z
  .object({
    name: InvitationListNameSchema.default(DEFAULT_INVITATION_LIST_NAME).describe(
      'The list\'s name, e.g. "Changchun mail-out".',
    ),
    invitations: z
      .array(InvitationRowSchema)
      .optional()
      .describe(`The firms, at most ${MAX_INVITATIONS}; fields of at most ${MAX_FIELD_LENGTH} characters.`),
    csv: z
      .string()
      .max(2_000_000)
      .optional()
      .describe(
        "Instead of `invitations`: the same CSV file the survey page accepts (firm name, contact, identifier).",
      ),
  })
  .strict()
  .refine((b) => (b.invitations === undefined) !== (b.csv === undefined), {
    error: "Give either invitations or csv",
    path: ["invitations"],
  });

export const CreatedInvitationsSchema = z.object({
  collectorId: z.uuid(),
  invitations: z.array(
    z.object({
      id: z.uuid(),
      firmName: z.string(),
      contact: z.string().nullable(),
      firmIdentifier: z.string().nullable(),
      token: z.string().describe("Shown once: only its hash is stored."),
      link: z.string().describe("The firm's personal link to the questionnaire."),
    }),
  ),
});

export const InvitationListQuerySchema = z.object({
  collector: z.uuid({ error: "collector must be a collector id (a UUID)" }).optional(),
  limit: z.coerce
    .number({ error: "limit must be a whole number" })
    .int({ error: "limit must be a whole number" })
    .min(1, { error: "limit must be at least 1" })
    .max(1000, { error: "limit is at most 1000" })
    .default(200),
  cursor: z.string().max(200).optional().describe("The nextCursor of the previous page."),
});
export const InvitationCursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export const InvitationSchema = z.object({
  id: z.uuid(),
  collectorId: z.uuid(),
  firmName: z.string(),
  contact: z.string().nullable(),
  firmIdentifier: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  usedAt: IsoDateTimeSchema.nullable().describe("When the firm's response came in; null while unused."),
  responseId: z.uuid().nullable(),
});
export const InvitationPageSchema = cursorPageSchema(InvitationSchema);
