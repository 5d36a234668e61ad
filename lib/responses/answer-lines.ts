// One response's answers as a researcher reads them: each question's label with the answer in
// words (option labels, ranks, scale points), in questionnaire order. Pure and browser-safe.
import {
  listQuestions,
  type Locale,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";
import type { AnswerValue, Answers } from "@/lib/questionnaire/answer-values";
import { localizedText } from "@/lib/questionnaire/localized-text";

export type AnswerLine = { code: string; section: string; question: string; answer: string[] };

function words(q: QuestionDefinition, value: AnswerValue, locale: Locale): string[] {
  const option = (code: string) =>
    "options" in q ? localizedText(q.options.find((o) => o.code === code)?.label, locale) || code : code;
  const point = (n: number) => {
    const label = "scale" in q ? localizedText(q.scale.points?.find((p) => p.value === n)?.label, locale) : "";
    return label ? `${n} (${label})` : String(n);
  };
  switch (q.type) {
    case "single":
      return [option(String(value))];
    case "multi":
      return (value as string[]).map(option);
    case "rank":
      return (value as string[]).map((code, i) => `${i + 1}. ${option(code)}`);
    case "scale":
      return [point(value as number)];
    case "matrix":
      return q.rows
        .filter((r) => (value as Record<string, number>)[r.code] !== undefined)
        .map((r) => `${localizedText(r.label, locale) || r.code}: ${point((value as Record<string, number>)[r.code])}`);
    case "number": {
      const unit = localizedText(q.unit, locale);
      return [unit ? `${value} ${unit}` : String(value)];
    }
    case "text":
      return [String(value)];
  }
}

/** Answered questions only; a question hidden by its showIf or skipped has no line. */
export function answerLines(def: QuestionnaireDefinition, answers: Answers, locale: Locale): AnswerLine[] {
  return listQuestions(def)
    .filter(({ question }) => answers[question.code] !== undefined)
    .map(({ section, question }) => ({
      code: question.code,
      section: localizedText(section.title, locale),
      question: localizedText(question.label, locale),
      answer: words(question, answers[question.code], locale),
    }));
}
