"use client";
// Adds a factor to the library, or (same code) corrects its labels and level.
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { FACTOR_LEVELS } from "@/lib/questionnaire/definition-schema";
import { compactControlClass } from "@/components/ui/form-field";

type State = { ok?: "created" | "updated"; errors?: Record<string, string> } | null;

export function FactorForm({ action }: { action: (state: State, form: FormData) => Promise<State> }) {
  const t = useTranslations("designer");
  const [state, formAction, pending] = useActionState(action, null);
  const base = useId();
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`${base}-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      {input}
      {state?.errors?.[name] && (
        <p id={`${base}-${name}-error`} className="text-sm text-red-700">
          {t(`factorErrors.${state.errors[name]}` as "factorErrors.codeFormat")}
        </p>
      )}
    </div>
  );
  const invalid = (name: string) =>
    state?.errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${base}-${name}-error` } : {};
  return (
    <Card>
      <CardTitle>{t("factors.add")}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t("factors.addHelp")}</p>
      <form action={formAction} className="mt-3 grid gap-3 sm:grid-cols-2">
        {field(
          "code",
          t("code"),
          <input id={`${base}-code`} name="code" className={compactControlClass} {...invalid("code")} />,
        )}
        {field(
          "level",
          t("level"),
          <select id={`${base}-level`} name="level" className={compactControlClass}>
            {FACTOR_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`levels.${l}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "labelZh",
          t("factors.labelZh"),
          <input
            id={`${base}-labelZh`}
            name="labelZh"
            lang="zh"
            className={compactControlClass}
            {...invalid("labelZh")}
          />,
        )}
        {field(
          "labelEn",
          t("factors.labelEn"),
          <input
            id={`${base}-labelEn`}
            name="labelEn"
            lang="en"
            className={compactControlClass}
            {...invalid("labelEn")}
          />,
        )}
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("factors.save")}
          </Button>
          <p role="status" className="mt-2 text-sm text-green-800">
            {state?.ok ? t(`factors.${state.ok}`) : ""}
          </p>
        </div>
      </form>
    </Card>
  );
}
