"use client";
// Scale (1..k) and matrix (rows × one scale) answers as radio groups; each matrix row is its own
// group, so rows stack on a phone instead of overflowing a table.
import type { Locale, QuestionDefinition } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";

type Scale = Extract<QuestionDefinition, { type: "scale" | "matrix" }>["scale"];

function points(scale: Scale, locale: Locale) {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => {
    const value = scale.min + i;
    const label = localizedText(scale.points?.find((p) => p.value === value)?.label, locale);
    return { value, label };
  });
}

function ScalePoints(props: {
  scale: Scale;
  locale: Locale;
  name: string;
  value: number | undefined;
  onChange: (v: number) => void;
  describedBy?: string;
  invalid: boolean;
}) {
  return (
    <div role="radiogroup" aria-invalid={props.invalid || undefined} className="flex flex-wrap gap-2">
      {points(props.scale, props.locale).map((p) => (
        <label
          key={p.value}
          className="flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
        >
          <input
            type="radio"
            name={props.name}
            value={p.value}
            checked={props.value === p.value}
            onChange={() => props.onChange(p.value)}
            aria-describedby={props.describedBy}
            className="size-4 accent-brand-700"
          />
          <span>
            <span className="font-semibold tabular-nums">{p.value}</span>
            {p.label && <span className="text-sm text-slate-700"> {p.label}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}

export function ScaleInput(props: {
  question: Extract<QuestionDefinition, { type: "scale" }>;
  locale: Locale;
  name: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  describedBy?: string;
  invalid: boolean;
}) {
  return <ScalePoints {...props} scale={props.question.scale} />;
}

export function MatrixInput(props: {
  question: Extract<QuestionDefinition, { type: "matrix" }>;
  locale: Locale;
  name: string;
  value: Record<string, number> | undefined;
  onChange: (v: Record<string, number> | undefined) => void;
  describedBy?: string;
  rowIssues: Record<string, string>;
  invalid: boolean;
}) {
  const { question, locale, name } = props;
  return (
    <div className="space-y-3">
      {question.rows.map((row) => {
        const rowIssue = props.rowIssues[row.code];
        const errorId = `${name}-${row.code}-error`;
        return (
          <fieldset key={row.code} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 font-medium">{localizedText(row.label, locale)}</legend>
            <ScalePoints
              scale={question.scale}
              locale={locale}
              name={`${name}-${row.code}`}
              value={props.value?.[row.code]}
              onChange={(v) => props.onChange({ ...props.value, [row.code]: v })}
              describedBy={[props.describedBy, rowIssue && errorId].filter(Boolean).join(" ") || undefined}
              invalid={props.invalid || Boolean(rowIssue)}
            />
            {rowIssue && (
              <p id={errorId} className="mt-2 text-sm font-medium text-red-700">
                {rowIssue}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
