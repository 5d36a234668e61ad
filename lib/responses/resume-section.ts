// The section a resumed filling opens at: the first one with a question still to answer (or an
// answer to fix), else the last. Pure and browser-safe.
import type { Answers } from "@/lib/questionnaire/answer-values";
import { answerIssues } from "@/lib/questionnaire/answer-validation";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { visibleQuestionCodes } from "@/lib/questionnaire/visibility";

export function resumeSectionOf(def: QuestionnaireDefinition, answers: Answers): string {
  const visible = visibleQuestionCodes(def, answers);
  const shown = def.sections.filter((s) => s.questions.some((q) => visible.has(q.code)));
  const open = shown.find(
    (s) => answerIssues(def, answers, { onlyQuestions: new Set(s.questions.map((q) => q.code)) }).length > 0,
  );
  return (open ?? shown[shown.length - 1] ?? def.sections[0]).code;
}
