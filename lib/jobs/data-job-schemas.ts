// What a data job is asked to do (stored in data_job.params, read back by the worker) and what the
// API answers about it (GET /api/v1/jobs/{id}: the OpenAPI description is generated from this).
// Browser-safe: the export and import forms read the same view.
import { z } from "zod";
import { ColumnMappingSchema } from "@/lib/responses/import/map-columns";

const Via = z.enum(["session", "token"]);

/** An export: its query string as the caller gave it (format, language, values, responses, filter). */
export const ExportJobParamsSchema = z.object({ query: z.record(z.string(), z.string()), via: Via });
export type ExportJobParams = z.infer<typeof ExportJobParamsSchema>;

/** An import: the uploaded file (stored as the job's input) and the column mapping confirmed in the dry run. */
export const ImportJobParamsSchema = z.object({
  fileName: z.string(),
  mapping: ColumnMappingSchema.optional(),
  via: Via,
});
export type ImportJobParams = z.infer<typeof ImportJobParamsSchema>;

/** A failure or a problem, as a message key and its values; translated when the job is read. */
export const JobMessageSchema = z.object({
  key: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type JobMessage = z.infer<typeof JobMessageSchema>;

/** What a finished job leaves in data_job.result. */
export const JobResultSchema = z.object({
  imported: z.number().int().optional(),
  screened: z.number().int().optional(),
  error: JobMessageSchema.optional(),
  problems: z
    .array(
      z.object({
        row: z.number().nullable(),
        column: z.string().nullable(),
        value: z.string(),
        reason: JobMessageSchema,
      }),
    )
    .optional(),
});
export type JobResult = z.infer<typeof JobResultSchema>;

export const DATA_JOB_STATUSES = ["queued", "running", "done", "failed", "expired"] as const;

export const DataJobViewSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["export", "import"]),
    status: z.enum(DATA_JOB_STATUSES),
    survey: z.string().describe("The survey's slug."),
    /** For an export, its format; for an import, the file's name. */
    label: z.string(),
    progress: z.object({
      done: z.number().int().describe("Responses written so far."),
      total: z.number().int().nullable().describe("Responses to write; null until counted."),
    }),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    file: z
      .object({
        name: z.string(),
        bytes: z.number().int(),
        url: z.string().describe("Download, with the same credentials, until expiresAt."),
        expiresAt: z.iso.datetime(),
      })
      .nullable(),
    imported: z.number().int().nullable().describe("An import's responses written."),
    screened: z.number().int().nullable().describe("Of them, screened by a rule."),
    error: z.string().nullable().describe("Why the job failed, in the caller's language."),
    problems: z
      .array(
        z.object({ row: z.number().nullable(), column: z.string().nullable(), value: z.string(), message: z.string() }),
      )
      .describe("An import's problems by row and column (nothing was stored)."),
    url: z.string().describe("This job's status."),
  })
  .meta({ id: "DataJob" });
export type DataJobView = z.infer<typeof DataJobViewSchema>;

export const DataJobListSchema = z.object({ jobs: z.array(DataJobViewSchema) }).meta({ id: "DataJobList" });

export const DataJobParamsSchema = z.object({ id: z.uuid().describe("The job's id.") });
