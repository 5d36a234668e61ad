// A factor of the organization's library as the factor form submits it. Browser-safe; messages
// are keys of the "designer.factorErrors" messages so the form shows them in the user's language.
import { z } from "zod";
import { FactorLevelSchema, MAX_LABEL_LENGTH } from "./definition-schema";

export const FactorInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "codeRequired")
    .max(64, "codeTooLong")
    .regex(/^[a-z][a-z0-9_]*$/, "codeFormat"),
  level: FactorLevelSchema,
  labelZh: z.string().trim().min(1, "labelZhRequired").max(MAX_LABEL_LENGTH, "labelTooLong"),
  labelEn: z.string().trim().min(1, "labelEnRequired").max(MAX_LABEL_LENGTH, "labelTooLong"),
});
export type FactorInput = z.infer<typeof FactorInputSchema>;
