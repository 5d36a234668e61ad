"use client";
// One question: code, type, labels, whether it is required, when it is shown, and its type's
// settings. Only the open question shows its editor; the others are one line each (code, text,
// type) that opens it, so a long questionnaire stays a short page.
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  changeQuestionType,
  QUESTION_TYPES,
  type DraftQuestion,
  type DraftQuestionType,
} from "@/lib/questionnaire/draft-edits";
import { countIssuesUnder, pathKey } from "@/lib/questionnaire/definition-issues";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { useDesigner } from "./designer-context";
import { CheckboxField, LocalizedField, TextField } from "./fields";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { ShowIfEditor } from "./show-if-editor";
import { TypeSettings } from "./type-settings";

export function QuestionEditor({
  sectionIndex,
  questionIndex,
  actions,
  handle,
}: {
  sectionIndex: number;
  questionIndex: number;
  actions: ReactNode;
  handle: ReactNode;
}) {
  const t = useTranslations("designer");
  const locale = useLocale() === "en" ? "en" : "zh";
  const { draft, update, issues, selected, goTo } = useDesigner();
  const path = ["sections", sectionIndex, "questions", questionIndex];
  const question = draft.sections[sectionIndex].questions[questionIndex] as DraftQuestion;
  const issueCount = countIssuesUnder(issues, path);
  const open = selected?.section === sectionIndex && selected.question === questionIndex;
  const setType = (type: DraftQuestionType) =>
    update((d) => {
      d.sections[sectionIndex].questions[questionIndex] = changeQuestionType(question, type);
    });
  const badge = issueCount > 0 && (
    <span className="rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">
      {t("issueCount", { count: issueCount })}
    </span>
  );
  const articleProps = {
    "aria-label": t("questionName", { code: question.code }),
    "data-testid": `question-${question.code}`,
    "data-path": pathKey(path),
  };
  if (!open)
    return (
      <article {...articleProps} className="scroll-mt-20 rounded-lg border border-slate-200 bg-white px-2 py-1">
        <div className="flex flex-wrap items-center gap-2">
          {handle}
          <button
            type="button"
            aria-expanded={false}
            className="flex min-h-10 min-w-0 flex-1 items-center gap-2 rounded px-1 text-left hover:bg-slate-50"
            // The button goes as the editor opens: the focus moves to the editor's first field.
            onClick={() => goTo(path, "focus")}
          >
            <span className="shrink-0 font-mono text-xs text-slate-600">{question.code}</span>
            <span className="min-w-0 truncate text-sm">{localizedText(question.label, locale)}</span>
            <span className="ml-auto shrink-0 text-xs text-slate-600">{t(`types.${question.type}`)}</span>
          </button>
          {badge}
          {actions}
        </div>
      </article>
    );
  return (
    <article
      {...articleProps}
      data-open="true"
      className="scroll-mt-20 rounded-lg border-2 border-brand-600 bg-white p-4"
    >
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="flex flex-wrap items-end gap-2">
          {handle}
          <TextField path={[...path, "code"]} label={t("questionCode")} className="w-44" />
          <LabelledSelect
            label={t("type")}
            value={question.type}
            onChange={(e) => setType(e.target.value as DraftQuestionType)}
          >
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </LabelledSelect>
          {badge && <span className="mb-2">{badge}</span>}
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
