// The form fields of POST /api/v1/surveys/{slug}/imports (multipart/form-data): the file, the
// column mapping as JSON (the automatic one when absent), and a dry run or the import. Browser-safe.
import { z } from "zod";
import { ColumnMappingSchema } from "./map-columns";

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const ImportRequestSchema = z.object({
  mapping: z
    .string()
    .max(200_000)
    .transform((text, ctx) => {
      try {
        return ColumnMappingSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: "custom", message: "badMapping" });
        return z.NEVER;
      }
    })
    .optional(),
  dryRun: flag.default(true),
});
export type ImportRequest = z.infer<typeof ImportRequestSchema>;
