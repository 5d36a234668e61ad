"use client";
// One question: code, type, labels, whether it is required, when it is shown, and its type's settings.
import { useId } from "react";
import { useTranslations } from "next-intl";
import {
  changeQuestionType,
  QUESTION_TYPES,
  type DraftQuestion,
  type DraftQuestionType,
} from "@/lib/questionnaire/draft-edits";
import { countIssuesUnder } from "@/lib/questionnaire/definition-issues";
import { useDesigner } from "./designer-context";
import { CheckboxField, LocalizedField, TextField } from "./fields";
import { compactControlClass } from "@/components/ui/form-field";
import { ShowIfEditor } from "./show-if-editor";
import { TypeSettings } from "./type-settings";

export function QuestionEditor({
  sectionIndex,
  questionIndex,
  actions,
}: {
  sectionIndex: number;
  questionIndex: number;
  actions: React.ReactNode;
}) {
  const t = useTranslations("designer");
  const { draft, update, issues } = useDesigner();
  const typeId = useId();
  const path = ["sections", sectionIndex, "questions", questionIndex];
  const question = draft.sections[sectionIndex].questions[questionIndex] as DraftQuestion;
  const issueCount = countIssuesUnder(issues, path);
  const setType = (type: DraftQuestionType) =>
    update((d) => {
      d.sections[sectionIndex].questions[questionIndex] = changeQuestionType(question, type);
    });
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      aria-label={t("questionName", { code: question.code })}
      data-testid={`question-${question.code}`}
    >
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="flex flex-wrap items-end gap-2">
          <TextField path={[...path, "code"]} label={t("questionCode")} className="w-44" />
          <div>
            <label htmlFor={typeId} className="block text-xs font-medium text-slate-600">
              {t("type")}
            </label>
            <select
              id={typeId}
              className={compactControlClass}
              value={question.type}
              onChange={(e) => setType(e.target.value as DraftQuestionType)}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {issueCount > 0 && (
            <span className="mb-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">
              {t("issueCount", { count: issueCount })}
            </span>
          )}
        </div>
        {actions}
      </div>
      <div className="mt-3 space-y-3">
        <LocalizedField path={[...path, "label"]} label={t("questionText")} multiline />
        <LocalizedField path={[...path, "help"]} label={t("help")} optional />
        <CheckboxField path={[...path, "required"]} label={t("required")} />
        <ShowIfEditor sectionIndex={sectionIndex} questionIndex={questionIndex} />
        <TypeSettings question={question} path={path} />
      </div>
    </article>
  );
}
