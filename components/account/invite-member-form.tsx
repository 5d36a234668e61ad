"use client";
// An owner invites someone by e-mail address and receives the single-use link to pass on.
import { useTranslations } from "next-intl";
import { useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { ROLES } from "@/lib/auth/roles";
import { IDLE, type FormState } from "@/lib/organizations/form-state";
import { CopyField } from "./copy-field";

const subscribeNever = () => () => {};

export function InviteMemberForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations("account");
  const roles = useTranslations("auth.roles");
  // Controlled, so what was typed survives the form reset React does after each action.
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("researcher");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const origin = useSyncExternalStore(
    subscribeNever,
    () => window.location.origin,
    () => "",
  );
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <FormField label={t("invite.email")} error={error("email")}>
          {(control) => (
            <input
              {...control}
              name="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              type="email"
              autoComplete="off"
              className={controlClass}
            />
          )}
        </FormField>
        <FormField label={t("invite.role")} error={error("role")}>
          {(control) => (
            <select
              {...control}
              name="role"
              value={role}
              onChange={(e) => setRole(e.target.value)}
              className={controlClass}
            >
              {[...ROLES].reverse().map((r) => (
                <option key={r} value={r}>
                  {roles(r)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit" disabled={pending}>
          {t("invite.submit")}
        </Button>
      </form>
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      {state.status === "ok" && state.result && (
        <div className="space-y-2">
          <FormMessage tone="success">{t("invite.created", { email: state.result.email })}</FormMessage>
          <CopyField label={t("invite.linkLabel")} value={origin + state.result.path} testId="invitation-link" />
        </div>
      )}
    </div>
  );
}
