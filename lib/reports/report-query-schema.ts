// What a report request may ask for, on the page and the PDF endpoint alike: its language and,
// for members, the public version. The report covers the whole survey, so it takes no filters.
// Browser-safe.
import { z } from "zod";
import { LocaleSchema } from "@/lib/questionnaire/definition-schema";

export const ReportQuerySchema = z.object({
  locale: LocaleSchema.optional().describe("Language of the report (zh or en); default: the caller's."),
  view: z
    .literal("public")
    .optional()
    .describe("Members only: the public version, with the figures the disclosure rules publish."),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;
