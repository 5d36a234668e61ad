// Turns one response's answers into the rows PostgreSQL aggregates (docs/decisions/002-answer-storage.md).
// Pure: the factor and the concern flag are read off the immutable questionnaire version.
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
  factorCode: string | null;
  concern: boolean;
};

const row = (questionCode: string, fields: Partial<AnswerRow>): AnswerRow => ({
  questionCode,
  optionCode: null,
  numberValue: null,
  textValue: null,
  rank: null,
  factorCode: null,
  concern: false,
  ...fields,
});

function rowsFor(q: QuestionDefinition, value: AnswerValue): AnswerRow[] {
  switch (q.type) {
    case "single":
    case "multi": {
      const chosen = Array.isArray(value) ? value : [value];
      return chosen.map((code) => {
        const factor = q.options.find((o) => o.code === code)?.factor ?? null;
        return row(q.code, { optionCode: String(code), factorCode: factor, concern: factor !== null });
      });
    }
    case "rank":
      return (value as string[]).map((code, i) => {
        const factor = q.options.find((o) => o.code === code)?.factor ?? null;
        return row(q.code, {
          optionCode: code,
          rank: i + 1,
          factorCode: factor,
          concern: factor !== null && i < q.topN,
        });
      });
    case "scale": {
      const n = value as number;
      const factor = q.factor ?? null;
      const concern = factor !== null && q.attentionThreshold !== undefined && n >= q.attentionThreshold;
      return [row(q.code, { numberValue: n, factorCode: factor, concern })];
    }
    case "matrix":
      return Object.entries(value as Record<string, number>).map(([rowCode, n]) => {
        const factor = q.rows.find((r) => r.code === rowCode)?.factor ?? null;
        const concern = factor !== null && q.attentionThreshold !== undefined && n >= q.attentionThreshold;
        return row(q.code, { optionCode: rowCode, numberValue: n, factorCode: factor, concern });
      });
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
