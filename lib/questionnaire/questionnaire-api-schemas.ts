// What the questionnaires API answers (import, list, read, publish). Routes encode their answers
// through these schemas, and the OpenAPI document is generated from them. Browser-safe.
import { z } from "zod";
import { IsoDateTimeSchema } from "@/lib/http/wire-schemas";

export const QuestionnaireIdParamsSchema = z.object({ id: z.string().describe("The questionnaire's id (a UUID).") });

export const CreatedQuestionnaireSchema = z.object({ id: z.uuid(), code: z.string() });

export const QuestionnaireListSchema = z.object({
  questionnaires: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      title: z.object({ zh: z.string().optional(), en: z.string().optional() }),
      updatedAt: IsoDateTimeSchema,
      latestVersion: z.int().nullable(),
    }),
  ),
});

export const QuestionnaireDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  draft: z.record(z.string(), z.unknown()).describe("The draft definition (DESIGN.md §3); it may be incomplete."),
  updatedAt: IsoDateTimeSchema,
  versions: z.array(
    z.object({
      id: z.uuid().describe("Pass as versionId to POST /api/v1/surveys."),
      number: z.int(),
      publishedAt: IsoDateTimeSchema,
      surveys: z.int().describe("Surveys fielding this version."),
    }),
  ),
});

export const PublishedVersionSchema = z.object({
  id: z.uuid().describe("The version's id: pass it as versionId to POST /api/v1/surveys."),
  version: z.int().describe("The version's number (1, 2, …)."),
  publishedAt: IsoDateTimeSchema,
});

export const VersionQuerySchema = z.object({
  version: z.string().optional().describe("A published version's number; without it, the draft."),
});
