"use client";
// Single- and multi-choice answers as native radio buttons and checkboxes (keyboard and screen
// reader support for free), with large touch targets for phones.
import type { Locale, QuestionDefinition } from "@/lib/questionnaire/definition-schema";
import { isExclusiveOption } from "@/lib/questionnaire/exclusive-option";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { clsx } from "clsx";

type Choice = Extract<QuestionDefinition, { type: "single" | "multi" }>;
export type ChoiceProps<V> = {
  question: Choice;
  locale: Locale;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  describedBy?: string;
  invalid: boolean;
  name: string;
};

export const optionClass =
  "flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white px-3 py-2.5 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60";

export function SingleChoice({ question, locale, value, onChange, describedBy, invalid, name }: ChoiceProps<string>) {
  return (
    // A radio cannot be invalid by itself (ARIA); its group is.
    <div role="radiogroup" aria-invalid={invalid || undefined} className="grid gap-2 sm:grid-cols-2">
      {question.options.map((o) => (
        <label key={o.code} className={optionClass}>
          <input
            type="radio"
            name={name}
            value={o.code}
            checked={value === o.code}
            onChange={() => onChange(o.code)}
            aria-describedby={describedBy}
            className="mt-1 size-4 shrink-0 accent-brand-700"
          />
          <span>{localizedText(o.label, locale)}</span>
        </label>
      ))}
    </div>
  );
}

/** Choosing an exclusive option ("none of these", "don't know") clears the others, and choosing another clears it. */
export function toggleMulti(question: Choice, current: string[], code: string, checked: boolean): string[] {
  if (!checked) return current.filter((c) => c !== code);
  const exclusive = (c: string) => isExclusiveOption(question.options.find((o) => o.code === c));
  if (exclusive(code)) return [code];
  return [...current.filter((c) => !exclusive(c)), code];
}

export function MultiChoice({ question, locale, value, onChange, describedBy, invalid, name }: ChoiceProps<string[]>) {
  const chosen = value ?? [];
  const max = question.type === "multi" ? question.maxSelections : undefined;
  const full = max !== undefined && chosen.length >= max;
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {question.options.map((o) => {
        const checked = chosen.includes(o.code);
        return (
          <label key={o.code} className={clsx(optionClass, isExclusiveOption(o) && "sm:col-span-2")}>
            <input
              type="checkbox"
              name={name}
              value={o.code}
              checked={checked}
              disabled={full && !checked && !isExclusiveOption(o)}
              onChange={(e) => {
                const next = toggleMulti(question, chosen, o.code, e.target.checked);
                onChange(next.length ? next : undefined);
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              className="mt-1 size-4 shrink-0 accent-brand-700"
            />
            <span>{localizedText(o.label, locale)}</span>
          </label>
        );
      })}
    </div>
  );
}
