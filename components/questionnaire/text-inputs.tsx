"use client";
// Number and text answers. A number is typed as text (inputMode shows the digit keypad) so that
// what the respondent typed stays visible even when it is not yet a number; full-width digits
// from a Chinese input method are read as ordinary digits.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Locale, QuestionDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";

const inputClass =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The number typed, or the text itself when it is not a number (validation then says so). */
export function parseNumberInput(raw: string): number | string | undefined {
  const text = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\s,，]/g, "")
    .replace("．", ".");
  if (text === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : raw.trim();
}

type InputProps<Q, V> = {
  question: Q;
  locale: Locale;
  id: string;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  describedBy?: string;
  invalid: boolean;
};

export function NumberInput(props: InputProps<Extract<QuestionDefinition, { type: "number" }>, number | string>) {
  const { question, value } = props;
  const [raw, setRaw] = useState(value === undefined ? "" : String(value));
  // Follow changes made elsewhere (a resumed draft), but keep "1." while it is being typed.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseNumberInput(raw) !== value) setRaw(value === undefined ? "" : String(value));
  }
  const unit = localizedText(question.unit, props.locale);
  return (
    <div className="flex max-w-xs items-center gap-2">
      <input
        id={props.id}
        type="text"
        inputMode={question.integer ? "numeric" : "decimal"}
        autoComplete="off"
        value={raw}
        onChange={(e) => {
          setRaw(e.target.value);
          props.onChange(parseNumberInput(e.target.value));
        }}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        className={inputClass}
      />
      {unit && <span className="text-slate-700">{unit}</span>}
    </div>
  );
}

export function TextInput(props: InputProps<Extract<QuestionDefinition, { type: "text" }>, string>) {
  const t = useTranslations("respondent.form");
  const { question } = props;
  const text = props.value ?? "";
  const counterId = `${props.id}-counter`;
  const common = {
    id: props.id,
    value: text,
    maxLength: question.maxLength,
    onChange: (e: { target: { value: string } }) => props.onChange(e.target.value === "" ? undefined : e.target.value),
    "aria-describedby": [props.describedBy, counterId].filter(Boolean).join(" "),
    "aria-invalid": props.invalid || undefined,
    className: inputClass,
  };
  return (
    <div>
      {question.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      <p id={counterId} className="mt-1 text-xs text-slate-600">
        {t("charactersLeft", { count: Math.max(0, question.maxLength - [...text].length) })}
      </p>
    </div>
  );
}
