"use client";
// Scale (1..k) and matrix (rows × one scale) answers as radio groups; each matrix row is its own
// group, so rows stack on a phone instead of overflowing a table. The points of one scale share a
// line in equal columns (a point alone on a second line reads as a different answer); a long scale
// that would leave too little room per point stands in one column on a phone instead.
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

/** Up to seven points fit one line of a 390 px phone with room for a thumb on each. */
const MAX_POINTS_ON_A_PHONE_LINE = 7;

function ScalePoints(props: {
  scale: Scale;
  locale: Locale;
  name: string;
  value: number | undefined;
  onChange: (v: number) => void;
  describedBy?: string;
  invalid: boolean;
}) {
  const scalePoints = points(props.scale, props.locale);
  return (
    <div
      role="radiogroup"
      aria-invalid={props.invalid || undefined}
      style={{ "--points": scalePoints.length } as React.CSSProperties}
      className={
        scalePoints.length > MAX_POINTS_ON_A_PHONE_LINE
          ? "grid gap-2 sm:grid-cols-[repeat(var(--points),minmax(0,1fr))] sm:gap-1.5"
          : "grid grid-cols-[repeat(var(--points),minmax(0,1fr))] gap-1.5"
      }
    >
      {scalePoints.map((p) => (
        <label
          key={p.value}
          className="flex min-h-11 min-w-0 cursor-pointer flex-col items-center gap-1 rounded-md border border-slate-300 bg-white px-1 py-2 text-center has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
        >
          <span className="flex items-center gap-1.5">
            <input
              type="radio"
              name={props.name}
              value={p.value}
              checked={props.value === p.value}
              onChange={() => props.onChange(p.value)}
              aria-describedby={props.describedBy}
              className="size-4 accent-brand-700"
            />
            <span className="font-semibold tabular-nums">{p.value}</span>
          </span>
          {p.label && (
            <span className="text-xs leading-tight wrap-break-word text-slate-700">
              {/* The space keeps "5 Very severe" two words in the radio's accessible name. */} {p.label}
            </span>
          )}
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
