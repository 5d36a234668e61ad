"use client";
// Inputs bound to a path in the draft, each showing the schema's issues for that path inline.
import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { issuesAt, pathKey } from "@/lib/questionnaire/definition-issues";
import { cn } from "@/lib/utils";
import { getAt, setAt, useDesigner, type Path } from "./designer-context";
import { compactControlClass } from "@/components/ui/form-field";

/**
 * The issues of a path, the props that tie them to the input (and mark it touched when left), and
 * `touch` for changes. `data-path` lets the problems list find the field.
 */
export function useIssues(path: Path) {
  const { issues, touch } = useDesigner();
  const id = useId();
  const key = pathKey(path);
  const messages = issuesAt(issues, path);
  return {
    messages,
    touch: () => touch(key),
    inputProps: {
      "data-path": key,
      onBlur: () => touch(key),
      ...(messages.length ? { "aria-invalid": true as const, "aria-describedby": id } : {}),
    },
    view: messages.length ? (
      <ul id={id} className="mt-1 space-y-0.5 text-xs text-red-700" data-issue-path={pathKey(path)}>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ) : null,
  };
}

type ControlProps = {
  id: string;
  className: string;
  "data-path": string;
  onBlur: () => void;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/** A small label over one control bound to `path`, with that path's issues below it. */
function LabelledControl({
  path,
  label,
  className,
  children,
}: {
  path: Path;
  label: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const { inputProps, view, touch } = useIssues(path);
  return (
    <div className={className} onChange={touch}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children({ id, className: compactControlClass, ...inputProps })}
      {view}
    </div>
  );
}

export function TextField({
  path,
  label,
  className,
  placeholder,
}: {
  path: Path;
  label: string;
  className?: string;
  placeholder?: string;
}) {
  const { draft, update } = useDesigner();
  return (
    <LabelledControl path={path} label={label} className={className}>
      {(control) => (
        <input
          {...control}
          value={String(getAt(draft, path) ?? "")}
          placeholder={placeholder}
          onChange={(e) => update((d) => setAt(d, path, e.target.value), pathKey(path))}
        />
      )}
    </LabelledControl>
  );
}

/** A number, or nothing (the property is removed) when left empty. */
export function NumberField({
  path,
  label,
  className,
  integer = true,
}: {
  path: Path;
  label: string;
  className?: string;
  integer?: boolean;
}) {
  const { draft, update } = useDesigner();
  const value = getAt(draft, path);
  return (
    <LabelledControl path={path} label={label} className={className}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode={integer ? "numeric" : "decimal"}
          step={integer ? 1 : "any"}
          value={typeof value === "number" ? value : ""}
          onChange={(e) =>
            update((d) => setAt(d, path, e.target.value === "" ? undefined : Number(e.target.value)), pathKey(path))
          }
        />
      )}
    </LabelledControl>
  );
}

export function CheckboxField({ path, label }: { path: Path; label: string }) {
  const { draft, update } = useDesigner();
  const { inputProps, view, touch } = useIssues(path);
  return (
    <div>
      <label className="inline-flex min-h-10 items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4"
          checked={Boolean(getAt(draft, path))}
          onChange={(e) => (update((d) => setAt(d, path, e.target.checked || undefined)), touch())}
          {...inputProps}
        />
        {label}
      </label>
      {view}
    </div>
  );
}

export function SelectField({
  path,
  label,
  choices,
  className,
  emptyLabel,
}: {
  path: Path;
  label: string;
  choices: { value: string; label: string }[];
  className?: string;
  /** Offered as "none" when the field is optional. */
  emptyLabel?: string;
}) {
  const { draft, update } = useDesigner();
  return (
    <LabelledControl path={path} label={label} className={className}>
      {(control) => (
        <select
          {...control}
          value={String(getAt(draft, path) ?? "")}
          onChange={(e) => update((d) => setAt(d, path, e.target.value === "" ? undefined : e.target.value))}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </LabelledControl>
  );
}

/** Chinese and English side by side; a label written in one language only is flagged. */
/** `optional`: an emptied text (help, description, unit) is removed rather than left as an empty label. */
export function LocalizedField({
  path,
  label,
  multiline = false,
  optional = false,
}: {
  path: Path;
  label: string;
  multiline?: boolean;
  optional?: boolean;
}) {
  const t = useTranslations("designer");
  const { draft, update } = useDesigner();
  const { inputProps, view, touch } = useIssues(path);
  const zhId = useId();
  const enId = useId();
  const text = (getAt(draft, path) ?? {}) as { zh?: string; en?: string };
  const missing = Boolean(text.zh) !== Boolean(text.en) ? (text.zh ? "en" : "zh") : null;
  const set = (lang: "zh" | "en", value: string) => {
    touch();
    update(
      (d) => {
        if (getAt(d, path) === undefined) setAt(d, path, {});
        setAt(d, [...path, lang], value === "" ? undefined : value);
        const after = getAt(d, path) as { zh?: string; en?: string };
        if (optional && !after.zh && !after.en) setAt(d, path, undefined);
      },
      pathKey([...path, lang]),
    );
  };
  const Input = multiline ? "textarea" : "input";
  return (
    <fieldset className="min-w-0" data-path={pathKey(path)}>
      <legend className="text-xs font-medium text-slate-600">{label}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {(["zh", "en"] as const).map((lang) => (
          <div key={lang}>
            <label htmlFor={lang === "zh" ? zhId : enId} className="sr-only">
              {`${label} (${t(`lang.${lang}`)})`}
            </label>
            <div className="flex items-start gap-1">
              <span aria-hidden className="mt-2 w-6 shrink-0 text-xs text-slate-600">
                {lang === "zh" ? "中" : "EN"}
              </span>
              <Input
                id={lang === "zh" ? zhId : enId}
                lang={lang}
                className={cn(
                  compactControlClass,
                  multiline && "min-h-16",
                  missing === lang && "border-amber-500 bg-amber-50",
                )}
                value={text[lang] ?? ""}
                onChange={(e) => set(lang, e.target.value)}
                {...inputProps}
                data-path={pathKey([...path, lang])}
              />
            </div>
            {missing === lang && <p className="ml-7 mt-0.5 text-xs text-amber-800">{t("missingTranslation")}</p>}
          </div>
        ))}
      </div>
      {view}
    </fieldset>
  );
}
