"use client";
// A newcomer sets their name and password; once the account exists they are signed in with it
// and land on their new organization's members page.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function AcceptInvitationForm({
  action,
  email,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  email: string;
}) {
  const t = useTranslations("account");
  const router = useRouter();
  // Controlled: React resets a form after its action runs, and both values are needed afterwards
  // (the name to correct an error, the password to sign in once the account exists).
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [state, setState] = useState<FormState>(IDLE);
  const [pending, setPending] = useState(false);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);

  // Sign in with the new account in the same handler, then load the organization's page fresh.
  async function submit(form: FormData) {
    setPending(true);
    const result = await action(IDLE, form);
    setState(result);
    if (result.status !== "ok") return setPending(false);
    await signIn("credentials", { email, password, redirect: false });
    // The new session cookie goes with the navigation's request, so the page renders signed in.
    router.push("/organization");
    router.refresh();
  }

  return (
    <form action={submit} noValidate className="space-y-4">
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      <FormField label={t("accept.name")} error={error("name")}>
        {(control) => (
          <input
            {...control}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={controlClass}
          />
        )}
      </FormField>
      <FormField label={t("accept.password")} hint={t("accept.passwordHint")} error={error("password")}>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={controlClass}
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {t("accept.submit")}
      </Button>
    </form>
  );
}
