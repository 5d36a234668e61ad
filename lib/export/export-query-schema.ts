// The query string of GET /api/v1/surveys/{slug}/export. Browser-safe: the export form builds
// its link from the same choices.
import { z } from "zod";
import { LOCALES } from "@/lib/questionnaire/definition-schema";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export const EXPORT_VALUES = ["codes", "labels"] as const;

export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, "format must be csv or xlsx").default("csv"),
  locale: z.enum(LOCALES, "locale must be zh or en").optional(),
  values: z.enum(EXPORT_VALUES, "values must be codes or labels").default("codes"),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
