"use client";
// A questionnaire shown section by section, with showIf applied as answers change and each
// section checked (answer-validation.ts, the server's own rules) before moving on. It holds no
// storage of its own: the respondent form, the designer's preview and paper entry wrap it.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { AnswerValue, Answers } from "@/lib/questionnaire/answer-values";
import { answerIssues, type AnswerIssue } from "@/lib/questionnaire/answer-validation";
import { issueMessageOf } from "@/lib/questionnaire/answer-issue-message";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { isAnswered, visibleQuestionCodes } from "@/lib/questionnaire/visibility";
import { Button } from "@/components/ui/button";
import { ProgressIndicator } from "./progress-indicator";
import { QuestionField, questionDomId, type FieldIssue } from "./question-field";

export type QuestionnaireViewProps = {
  definition: QuestionnaireDefinition;
  locale: Locale;
  answers: Answers;
  onAnswersChange: (answers: Answers) => void;
  sectionCode: string;
  onSectionChange: (code: string) => void;
  /** Called from the last section once every shown question passes validation. */
  onFinish: () => void;
  busy?: boolean;
  /** Shown above the navigation buttons: save state, submission errors. */
  footer?: ReactNode;
};

export function QuestionnaireView(props: QuestionnaireViewProps) {
  const { definition: def, locale, answers } = props;
  const t = useTranslations("respondent");
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves after the render that shows its target: the new section's heading or the error summary.
  const [focus, setFocus] = useState<{ target: "heading" | "summary"; n: number } | null>(null);
  useEffect(() => {
    if (!focus) return;
    const el = focus.target === "summary" ? summaryRef.current : headingRef.current;
    el?.focus();
    el?.scrollIntoView({ block: "start" });
  }, [focus]);

  const visible = visibleQuestionCodes(def, answers);
  const sections = def.sections.filter((s) => s.questions.some((q) => visible.has(q.code)));
  const index = Math.max(
    0,
    sections.findIndex((s) => s.code === props.sectionCode),
  );
  const section = sections[index];
  const shownQuestions = section.questions.filter((q) => visible.has(q.code));
  const issuesOf = (codes: string[]) =>
    answerIssues(def, answers, { onlyQuestions: new Set(codes) }).filter((i) => i.code !== "unknown_question");
  const sectionIssues = checked.has(section.code) ? issuesOf(shownQuestions.map((q) => q.code)) : [];
  const message = (issue: AnswerIssue) => {
    const m = issueMessageOf(issue, def, locale);
    return t(`issues.${m.key}` as "issues.required", m.values);
  };
  const fieldIssues = (code: string): FieldIssue[] =>
    sectionIssues
      .filter((i) => i.path[0] === code)
      .map((i) => ({ message: message(i), row: i.path.length > 1 ? String(i.path[1]) : undefined }));

  const allShown = [...visible];
  const answered = allShown.filter((c) => isAnswered(answers[c])).length;

  const goTo = (code: string) => {
    props.onSectionChange(code);
    setFocus((f) => ({ target: "heading", n: (f?.n ?? 0) + 1 }));
  };
  const showProblems = (code: string) => {
    setChecked((s) => new Set(s).add(code));
    if (code !== section.code) props.onSectionChange(code);
    setFocus((f) => ({ target: "summary", n: (f?.n ?? 0) + 1 }));
  };
  const next = () => {
    if (issuesOf(shownQuestions.map((q) => q.code)).length) return showProblems(section.code);
    if (index < sections.length - 1) return goTo(sections[index + 1].code);
    const firstBad = sections.find(
      (s) => issuesOf(s.questions.filter((q) => visible.has(q.code)).map((q) => q.code)).length,
    );
    if (firstBad) return showProblems(firstBad.code);
    props.onFinish();
  };
  const setAnswer = (code: string, value: AnswerValue | undefined) => {
    const nextAnswers = { ...answers };
    if (value === undefined) delete nextAnswers[code];
    else nextAnswers[code] = value;
    props.onAnswersChange(nextAnswers);
  };

  return (
    // method="post": should the page not be hydrated yet, the browser's own submission must not put
    // the answers in the URL (and so in history and server logs), as a GET would.
    <form
      method="post"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!props.busy) next();
      }}
      className="space-y-5"
      aria-labelledby="section-title"
    >
      <ProgressIndicator
        section={index + 1}
        sections={sections.length}
        answered={answered}
        questions={allShown.length}
      />
      <div>
        <h2 id="section-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
          {localizedText(section.title, locale)}
        </h2>
        {section.description && <p className="mt-1 text-slate-700">{localizedText(section.description, locale)}</p>}
      </div>
      {sectionIssues.length > 0 && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-700 bg-red-50 p-4 text-red-800"
        >
          <p className="font-semibold">{t("form.errorSummary", { count: sectionIssues.length })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {sectionIssues.map((i) => {
              const q = shownQuestions.find((x) => x.code === i.path[0]);
              return (
                <li key={i.path.join(".") + i.code}>
                  <a href={`#${questionDomId(String(i.path[0]))}`} className="underline">
                    {q ? localizedText(q.label, locale) : String(i.path[0])}
                  </a>
                  {": "}
                  {message(i)}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {shownQuestions.map((q) => (
        <QuestionField
          key={q.code}
          question={q}
          locale={locale}
          value={answers[q.code]}
          onChange={(v) => setAnswer(q.code, v)}
          issues={fieldIssues(q.code)}
        />
      ))}
      {props.footer}
      <div className="flex flex-wrap justify-between gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={index === 0 || props.busy}
          onClick={() => goTo(sections[index - 1].code)}
        >
          {t("form.back")}
        </Button>
        <Button type="submit" disabled={props.busy}>
          {index < sections.length - 1 ? t("form.next") : props.busy ? t("form.submitting") : t("form.submit")}
        </Button>
      </div>
    </form>
  );
}
