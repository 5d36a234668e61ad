// A quota as the quota form submits it: at most `limit` complete responses with this answer to a
// breakdown question (e.g. at most 60 firms in Changchun). Browser-safe; messages are keys of
// the "surveys.errors" messages.
import { z } from "zod";
import { CodeSchema, listQuestions, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";

export const QuotaInputSchema = z.object({
  questionCode: CodeSchema,
  optionCode: CodeSchema,
  limit: z.coerce
    .number({ error: "numberInvalid" })
    .int("numberInvalid")
    .min(1, "numberTooSmall")
    .max(1_000_000, "numberTooLarge"),
});
export type QuotaInput = z.infer<typeof QuotaInputSchema>;

/** The single-choice breakdown questions of a version: the ones quotas can be set on. */
export function quotaQuestions(def: QuestionnaireDefinition) {
  return listQuestions(def)
    .map(({ question }) => question)
    .filter((q) => q.type === "single" && q.breakdown !== undefined)
    .map((q) => q as Extract<typeof q, { type: "single" }>);
}
