// showIf logic (DESIGN.md §3): which questions a respondent is shown, given the answers so far.
// Browser-safe: the respondent form and the server evaluate the same function.
import type { AnswerValue, Answers } from "./answer-values";
import type { Comparison, Condition, QuestionnaireDefinition } from "./definition-schema";
import { questionsOf } from "./question-list";

/** Whether a stored value counts as an answer (blank text, no choices and empty grids do not). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return Number.isFinite(value);
}

// A comparison with a value is false while its question is unanswered: a follow-up appears only
// once the answer it depends on has been given. Only `not_answered` holds for an empty answer.
function compare(c: Comparison, value: AnswerValue | undefined): boolean {
  if (c.op === "answered") return isAnswered(value);
  if (c.op === "not_answered") return !isAnswered(value);
  if (!isAnswered(value) || c.value === undefined) return false;
  const chosen = Array.isArray(value) ? value : [value];
  switch (c.op) {
    case "equals":
      return !Array.isArray(value) && String(value) === String(c.value);
    case "not_equals":
      return !Array.isArray(value) && String(value) !== String(c.value);
    case "includes":
      return chosen.map(String).includes(String(c.value));
    case "excludes":
      return !chosen.map(String).includes(String(c.value));
    case "gte":
      return typeof value === "number" && value >= Number(c.value);
    case "lte":
      return typeof value === "number" && value <= Number(c.value);
  }
}

export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ("all" in condition) return condition.all.every((c) => conditionHolds(c, answers));
  if ("any" in condition) return condition.any.some((c) => conditionHolds(c, answers));
  return compare(condition, answers[condition.question]);
}

/**
 * Codes of the questions shown, in order. A condition sees only the answers of questions that
 * are themselves shown, so hiding a question also hides the follow-ups that depend on it.
 */
export function visibleQuestionCodes(def: Pick<QuestionnaireDefinition, "sections">, answers: Answers): Set<string> {
  const shown: Answers = {};
  const visible = new Set<string>();
  for (const question of questionsOf(def)) {
    if (question.showIf && !conditionHolds(question.showIf, shown)) continue;
    visible.add(question.code);
    if (answers[question.code] !== undefined) shown[question.code] = answers[question.code];
  }
  return visible;
}

/** The answers of shown questions only, without blank ones: what a submission keeps. */
export function keepVisibleAnswers(def: Pick<QuestionnaireDefinition, "sections">, answers: Answers): Answers {
  const visible = visibleQuestionCodes(def, answers);
  return Object.fromEntries(Object.entries(answers).filter(([code, value]) => visible.has(code) && isAnswered(value)));
}
