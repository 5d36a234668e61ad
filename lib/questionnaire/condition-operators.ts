// Which comparisons a display condition may make on each question type: the schema refuses the
// others (an imported `gte` on a single choice would never hold) and the designer offers only
// these. Browser-safe and pure.
import type { QuestionType } from "./definition-schema";

export const COMPARISON_OPS = [
  "equals",
  "not_equals",
  "includes",
  "excludes",
  "gte",
  "lte",
  "answered",
  "not_answered",
] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** The operators that can hold for an answer of each question type, in the designer's order. */
export const OPS_FOR: Readonly<Record<QuestionType, readonly ComparisonOp[]>> = {
  single: ["equals", "not_equals", "answered", "not_answered"],
  multi: ["includes", "excludes", "answered", "not_answered"],
  rank: ["includes", "excludes", "answered", "not_answered"],
  scale: ["gte", "lte", "equals", "answered", "not_answered"],
  matrix: ["answered", "not_answered"],
  number: ["gte", "lte", "equals", "answered", "not_answered"],
  text: ["answered", "not_answered", "equals"],
};

/** Whether a comparison with this operator compares with a value. */
export const needsValue = (op: ComparisonOp) => op !== "answered" && op !== "not_answered";
