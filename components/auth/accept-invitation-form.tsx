"use client";
// A newcomer sets their name and password; once the account exists they are signed in with it
// and land on their new organization's members page.
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function AcceptInvitationForm({ action, email }: { action: (state: FormState, form: FormData) => Promise<FormState>; email: string }) {
  const t = useTranslations("account");
  const password = useRef<HTMLInputElement>(null);
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);

  useEffect(() => {
    if (state.status !== "ok") return;
    void signIn("credentials", { email, password: password.current?.value ?? "", redirect: false }).then(() =>
      window.location.assign("/organization"),
    );
  }, [state, email]);

  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      <FormField label={t("accept.name")} error={error("name")}>
        {(control) => <input {...control} name="name" autoComplete="name" className={controlClass} />}
      </FormField>
      <FormField label={t("accept.password")} hint={t("accept.passwordHint")} error={error("password")}>
        {(control) => <input {...control} ref={password} name="password" type="password" autoComplete="new-password" className={controlClass} />}
      </FormField>
      <Button type="submit" disabled={pending || state.status === "ok"} className="w-full">
        {t("accept.submit")}
      </Button>
    </form>
  );
}
