// The query string of GET /api/v1/surveys/{slug}/export. Browser-safe: the export form builds
// its link from the same choices. Any other parameter is a dashboard filter (breakdown values,
// from/to dates), checked against the survey by parseResultsFilter.
import { z } from "zod";
import { LOCALES } from "@/lib/questionnaire/definition-schema";

/** Responses as CSV, Excel, SPSS or Stata; the codebook (CSV); the questionnaire as DDI-Codebook 2.5. */
export const EXPORT_FORMATS = ["csv", "xlsx", "sav", "dta", "codebook", "ddi"] as const;
export const EXPORT_VALUES = ["codes", "labels"] as const;
export const EXPORT_RESPONSES = ["all", "valid"] as const;

export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, "format must be csv, xlsx, sav, dta, codebook or ddi").default("csv"),
  locale: z.enum(LOCALES, "locale must be zh or en").optional(),
  values: z.enum(EXPORT_VALUES, "values must be codes or labels").default("codes"),
  responses: z.enum(EXPORT_RESPONSES, "responses must be all or valid").default("all"),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;
export type ExportFormat = ExportQuery["format"];

/** The media type of each format's file (the download and the API description). */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  sav: "application/x-spss-sav",
  dta: "application/x-stata-dta",
  codebook: "text/csv; charset=utf-8",
  ddi: "application/xml; charset=utf-8",
};

/** Formats that describe the questionnaire, small enough to answer at once (the others are jobs). */
export const QUESTIONNAIRE_FORMATS: readonly ExportFormat[] = ["codebook", "ddi"];

/** The export's own parameters, which are not dashboard filters. */
export const EXPORT_PARAMS = Object.keys(ExportQuerySchema.shape);
