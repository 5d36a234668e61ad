// Turns one response's answers into the rows PostgreSQL aggregates (docs/decisions/002-answer-storage.md).
// Pure. What the rows count for (factor, level, concern, base) is not decided here: the version's
// compiled metric map decides it in SQL (lib/analytics/metric-map.ts).
import type { QuestionDefinition, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { listQuestions } from "@/lib/questionnaire/definition-schema";
import type { AnswerValue, Answers } from "@/lib/questionnaire/answer-values";
import { sizeClassOf } from "@/lib/questionnaire/size-class";

export type AnswerRow = {
  questionCode: string;
  optionCode: string | null;
  numberValue: number | null;
  textValue: string | null;
  rank: number | null;
};

const row = (questionCode: string, fields: Partial<AnswerRow>): AnswerRow => ({
  questionCode,
  optionCode: null,
  numberValue: null,
  textValue: null,
  rank: null,
  ...fields,
});

function rowsFor(q: QuestionDefinition, value: AnswerValue): AnswerRow[] {
  switch (q.type) {
    case "single":
    case "multi":
      return (Array.isArray(value) ? value : [value]).map((code) => row(q.code, { optionCode: String(code) }));
    case "rank":
      return (value as string[]).map((code, i) => row(q.code, { optionCode: code, rank: i + 1 }));
    case "scale":
      return [row(q.code, { numberValue: value as number })];
    case "matrix":
      return Object.entries(value as Record<string, number>).map(([rowCode, n]) =>
        row(q.code, { optionCode: rowCode, numberValue: n }),
      );
    case "number":
      return [row(q.code, { numberValue: value as number })];
    case "text":
      return (value as string).trim() ? [row(q.code, { textValue: value as string })] : [];
  }
}

/** One row per answered question, selected or ranked option, or matrix row. */
export function toAnswerRows(def: QuestionnaireDefinition, answers: Answers): AnswerRow[] {
  return listQuestions(def).flatMap(({ question }) =>
    answers[question.code] === undefined ? [] : rowsFor(question, answers[question.code]),
  );
}

/**
 * The response's values of its breakdown questions, keyed by breakdown kind (the question code
 * for custom breakdowns); `size_class` is derived from an employee count where the survey asks one.
 */
export function breakdownsOf(def: QuestionnaireDefinition, answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { question } of listQuestions(def)) {
    const value = answers[question.code];
    if (value === undefined) continue;
    if (question.type === "single" && question.breakdown) {
      out[question.breakdown === "custom" ? question.code : question.breakdown] = String(value);
    }
    if (question.type === "number" && question.derivesSizeClass && typeof value === "number") {
      out.size_class = sizeClassOf(value);
    }
  }
  return out;
}
