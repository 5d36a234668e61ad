"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function ChangePasswordForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.message && (
        <FormMessage tone={state.status === "ok" ? "success" : "error"}>{t(state.message)}</FormMessage>
      )}
      <FormField label={t("password.current")} error={error("currentPassword")}>
        {(control) => (
          <input
            {...control}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            className={controlClass}
          />
        )}
      </FormField>
      <FormField label={t("password.new")} hint={t("password.newHint")} error={error("newPassword")}>
        {(control) => (
          <input {...control} name="newPassword" type="password" autoComplete="new-password" className={controlClass} />
        )}
      </FormField>
      <Button type="submit" disabled={pending}>
        {t("password.submit")}
      </Button>
    </form>
  );
}
