"use client";
// E-mail and password sign-in through next-auth. Errors stay on the page: a wrong password, and
// the throttled state with how long to wait, each said plainly.
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { parseSignInError, type SignInError } from "@/lib/auth/sign-in-errors";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("auth.signIn");
  const [error, setError] = useState<SignInError | null>(parseSignInError(initialError));
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing = {
      email: email ? undefined : t("errors.emailRequired"),
      password: password ? undefined : t("errors.passwordRequired"),
    };
    setFieldErrors(missing);
    if (missing.email || missing.password) return;
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // A full navigation, so the header and every server component see the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(parseSignInError(result?.error ?? "unknown"));
  }

  const message =
    error?.kind === "invalid"
      ? t("errors.invalid")
      : error?.kind === "throttled"
        ? t("errors.throttled", { seconds: Math.ceil(error.retryAfterSeconds) })
        : error
          ? t("errors.unknown")
          : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={message ? "sign-in-error" : undefined}>
      {message && (
        <div id="sign-in-error" data-testid="sign-in-error">
          <FormMessage tone="error">{message}</FormMessage>
        </div>
      )}
      <FormField label={t("email")} error={fieldErrors.email}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="username" required className={controlClass} />
        )}
      </FormField>
      <FormField label={t("password")} error={fieldErrors.password}>
        {(control) => (
          <input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={controlClass}
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
