// The shape of one answer per question type, as the respondent form, the API body
// (`answers: { questionCode: value }`) and the demo data carry it. Browser-safe.
import { z } from "zod";

export const SingleAnswerSchema = z.string();
export const MultiAnswerSchema = z.array(z.string());
/** Option codes in the respondent's order, most important first; at most topN. */
export const RankAnswerSchema = z.array(z.string());
export const ScaleAnswerSchema = z.number().int();
/** Row code to scale value. */
export const MatrixAnswerSchema = z.record(z.string(), z.number().int());
export const NumberAnswerSchema = z.number();
export const TextAnswerSchema = z.string();

// Any number, not only integers: a `number` question may allow decimals; per-type checks narrow it.
export const AnswerValueSchema = z.union([
  SingleAnswerSchema,
  MultiAnswerSchema,
  NumberAnswerSchema,
  MatrixAnswerSchema,
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type Answers = Record<string, AnswerValue>;
