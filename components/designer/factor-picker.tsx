"use client";
// Chooses the factor an option, matrix row or scale question speaks to, from the organization's
// factor library. Choosing a library factor the questionnaire does not declare yet adds it to
// the questionnaire's `factors`, so the same code is shared by every survey that uses it.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";
import { pathKey } from "@/lib/questionnaire/definition-issues";
import { getAt, setAt, useDesigner, type Path } from "./designer-context";
import { useIssues } from "./fields";
import { compactControlClass } from "@/components/ui/form-field";

export function FactorPicker({ path, label }: { path: Path; label: string }) {
  const t = useTranslations("designer");
  const locale = useLocale();
  const { draft, update, library } = useDesigner();
  const id = useId();
  const { inputProps, view } = useIssues(path);
  const current = (getAt(draft, path) as string | undefined) ?? "";
  const declared = draft.factors ?? [];
  // Factors declared by the questionnaire but missing from the library (e.g. just imported) are offered too.
  const choices = [
    ...library.map((f) => ({ code: f.code, level: f.level, label: locale === "zh" ? f.labelZh : f.labelEn })),
    ...declared
      .filter((f) => !library.some((l) => l.code === f.code))
      .map((f) => ({ code: f.code, level: f.level, label: (locale === "zh" ? f.label.zh : f.label.en) ?? f.code })),
  ];
  const choose = (code: string) =>
    update((d) => {
      setAt(d, path, code || undefined);
      const fromLibrary = library.find((f) => f.code === code);
      d.factors ??= [];
      if (fromLibrary && !d.factors.some((f) => f.code === code))
        d.factors.push({ code, level: fromLibrary.level, label: { zh: fromLibrary.labelZh, en: fromLibrary.labelEn } });
    }, pathKey(path));
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select
        id={id}
        className={compactControlClass}
        value={current}
        onChange={(e) => choose(e.target.value)}
        {...inputProps}
      >
        <option value="">{t("noFactor")}</option>
        {FACTOR_LEVELS.map((level) => (
          <optgroup key={level} label={t(`levels.${level}`)}>
            {choices
              .filter((c) => c.level === level)
              .map((c) => (
                <option key={c.code} value={c.code}>
                  {`${c.label} (${c.code})`}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {view}
    </div>
  );
}
