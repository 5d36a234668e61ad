"use client";
// One question: its label, help, input for its type, and the errors found in its answer, wired
// with aria-describedby and aria-invalid so a screen reader announces them with the input.
import { useTranslations } from "next-intl";
import type { AnswerValue } from "@/lib/questionnaire/answer-values";
import type { Locale, QuestionDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { Button } from "@/components/ui/button";
import { MultiChoice, SingleChoice } from "./choice-inputs";
import { RankInput } from "./rank-input";
import { MatrixInput, ScaleInput } from "./scale-inputs";
import { NumberInput, TextInput } from "./text-inputs";

export type FieldIssue = { message: string; row?: string };

export const questionDomId = (code: string) => `q-${code}`;

type Props = {
  question: QuestionDefinition;
  locale: Locale;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  issues: FieldIssue[];
};

export function QuestionField({ question: q, locale, value, onChange, issues }: Props) {
  const t = useTranslations("respondent.form");
  const id = questionDomId(q.code);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const questionIssues = issues.filter((i) => !i.row);
  const rowIssues = Object.fromEntries(issues.filter((i) => i.row).map((i) => [i.row!, i.message]));
  const invalid = questionIssues.length > 0;
  const hints = [
    localizedText(q.help, locale),
    q.type === "multi" && q.maxSelections ? t("chooseUpTo", { max: q.maxSelections }) : "",
    q.type === "rank" ? t("rankHelp", { count: q.topN }) : "",
  ].filter(Boolean);
  const describedBy = [hints.length ? helpId : "", invalid ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const isGroup = q.type !== "number" && q.type !== "text";
  const title = (
    <>
      <span className="text-base font-semibold text-slate-900">{localizedText(q.label, locale)}</span>{" "}
      <span className="text-sm font-normal text-slate-600">({q.required ? t("required") : t("optional")})</span>
    </>
  );
  const input = (() => {
    const common = { locale, describedBy, invalid, name: id };
    switch (q.type) {
      case "single":
        return <SingleChoice question={q} value={value as string | undefined} onChange={onChange} {...common} />;
      case "multi":
        return <MultiChoice question={q} value={value as string[] | undefined} onChange={onChange} {...common} />;
      case "rank":
        return <RankInput question={q} locale={locale} value={value as string[] | undefined} onChange={onChange} />;
      case "scale":
        return <ScaleInput question={q} value={value as number | undefined} onChange={onChange} {...common} />;
      case "matrix":
        return (
          <MatrixInput
            question={q}
            value={value as Record<string, number> | undefined}
            onChange={onChange}
            rowIssues={rowIssues}
            {...common}
          />
        );
      case "number":
        return (
          <NumberInput
            question={q}
            id={`${id}-input`}
            value={value as number | string | undefined}
            onChange={onChange}
            locale={locale}
            describedBy={describedBy}
            invalid={invalid}
          />
        );
      case "text":
        return (
          <TextInput
            question={q}
            id={`${id}-input`}
            value={value as string | undefined}
            onChange={onChange}
            locale={locale}
            describedBy={describedBy}
            invalid={invalid}
          />
        );
    }
  })();
  const details = (
    <>
      {hints.length > 0 && (
        <p id={helpId} className="mb-3 text-sm text-slate-600">
          {hints.join(" ")}
        </p>
      )}
      {invalid && (
        <div id={errorId} className="mb-3 text-sm font-medium text-red-700">
          {questionIssues.map((i) => (
            <p key={i.message}>{i.message}</p>
          ))}
        </div>
      )}
      {input}
      {q.type === "single" && !q.required && value !== undefined && (
        <Button type="button" variant="ghost" size="sm" className="mt-2" onClick={() => onChange(undefined)}>
          {t("clearChoice")}
        </Button>
      )}
    </>
  );
  const frame = `scroll-mt-4 rounded-lg border bg-white p-4 sm:p-5 ${invalid || issues.length ? "border-red-700" : "border-slate-200"}`;
  return isGroup ? (
    <fieldset id={id} tabIndex={-1} className={frame}>
      {/* A floated legend sits inside the frame instead of on its border; the content clears it. */}
      <legend className="float-left mb-2 w-full">{title}</legend>
      <div className="clear-both">{details}</div>
    </fieldset>
  ) : (
    <div id={id} tabIndex={-1} className={frame}>
      <label htmlFor={`${id}-input`} className="mb-2 block">
        {title}
      </label>
      {details}
    </div>
  );
}
