"use client";
// One section: its title, its level (the attention chart it feeds) and its questions, which
// reorder by drag and drop or by the arrows; the open question follows a move.
import { useState, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { current } from "immer";
import { Button } from "@/components/ui/button";
import { LabelledSelect } from "@/components/ui/labelled-select";
import {
  QUESTION_TYPES,
  duplicateQuestion,
  indexAfterDelete,
  indexAfterMove,
  moveItem,
  newQuestion,
  questionCodes,
  uniqueCode,
  type DraftQuestionType,
} from "@/lib/questionnaire/draft-edits";
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";
import { countIssuesUnder, pathKey } from "@/lib/questionnaire/definition-issues";
import { itemKey } from "@/lib/questionnaire/item-keys";
import { displayName } from "@/lib/questionnaire/localized-text";
import { useDesigner } from "./designer-context";
import { LocalizedField, SelectField, TextField, useIssues } from "./fields";
import { ItemActions } from "./item-actions";
import { QuestionEditor } from "./question-editor";
import { SortableItem, SortableList } from "./sortable-list";

export function SectionEditor({
  sectionIndex,
  actions,
  handle,
}: {
  sectionIndex: number;
  actions: ReactNode;
  handle: ReactNode;
}) {
  const t = useTranslations("designer");
  const locale = useLocale() === "en" ? "en" : "zh";
  const { draft, update, issues, announceDeletion, select } = useDesigner();
  const [newType, setNewType] = useState<DraftQuestionType>("single");
  const section = draft.sections[sectionIndex];
  const path = ["sections", sectionIndex];
  const questionsIssues = useIssues([...path, "questions"]);
  const sectionName = displayName(section, locale);
  const issueCount = countIssuesUnder(issues, path);

  const addQuestion = () => {
    update((d) => {
      d.sections[sectionIndex].questions.push(
        newQuestion(newType, uniqueCode(`${section.code}_q${section.questions.length + 1}`, questionCodes(d))),
      );
    });
    select({ section: sectionIndex, question: section.questions.length });
  };
  const moveQuestion = (from: number, to: number) => {
    update((d) => void (d.sections[sectionIndex].questions = moveItem(d.sections[sectionIndex].questions, from, to)));
    select((s) =>
      s?.section === sectionIndex ? { section: sectionIndex, question: indexAfterMove(s.question, from, to) } : s,
    );
  };
  const names = section.questions.map((q) => displayName(q, locale));

  return (
    <section
      className="scroll-mt-20 space-y-4 rounded-xl border border-slate-300 bg-slate-100 p-4"
      aria-label={t("sectionName", { name: sectionName })}
      data-path={pathKey(path)}
    >
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="flex flex-wrap items-end gap-2">
          {handle}
          <TextField path={[...path, "code"]} label={t("sectionCode")} className="w-44" />
          <SelectField
            path={[...path, "level"]}
            label={t("level")}
            emptyLabel={t("noLevel")}
            choices={FACTOR_LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            className="w-48"
          />
          {issueCount > 0 && (
            <span className="mb-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">
              {t("issueCount", { count: issueCount })}
            </span>
          )}
        </div>
        {actions}
      </div>
      <LocalizedField path={[...path, "title"]} label={t("sectionTitle")} />
      <LocalizedField path={[...path, "description"]} label={t("description")} multiline optional />
      <div className="space-y-2">
        <SortableList
          items={section.questions.map((q, qi) => ({ id: itemKey(q), name: names[qi] }))}
          onMove={moveQuestion}
        >
          {section.questions.map((q, qi) => (
            <SortableItem key={itemKey(q)} id={itemKey(q)} name={names[qi]}>
              {(questionHandle) => (
                <QuestionEditor
                  sectionIndex={sectionIndex}
                  questionIndex={qi}
                  handle={questionHandle}
                  actions={
                    <ItemActions
                      name={names[qi]}
                      index={qi}
                      count={section.questions.length}
                      onMove={(to) => moveQuestion(qi, to)}
                      onDuplicate={() => {
                        update((d) => duplicateQuestion(current(d), sectionIndex, qi));
                        select({ section: sectionIndex, question: qi + 1 });
                      }}
                      onDelete={() => {
                        update((d) => void d.sections[sectionIndex].questions.splice(qi, 1));
                        select((s) =>
                          s?.section === sectionIndex ? { ...s, question: indexAfterDelete(s.question, qi) } : s,
                        );
                        announceDeletion(names[qi]);
                      }}
                    />
                  }
                />
              )}
            </SortableItem>
          ))}
        </SortableList>
        {questionsIssues.view}
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <LabelledSelect
          label={t("newQuestionType")}
          value={newType}
          onChange={(e) => setNewType(e.target.value as DraftQuestionType)}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </LabelledSelect>
        <Button type="button" variant="secondary" onClick={addQuestion}>
          {t("addQuestion", { section: sectionName })}
        </Button>
      </div>
    </section>
  );
}
