"use client";
// A one-button form for a server action (remove, withdraw, revoke, sign out), with an optional
// confirmation and the action's refusal or confirmation shown next to the button.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function ActionButton({
  action,
  fields,
  label,
  confirmText,
  variant = "secondary",
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  confirmText?: string;
  variant?: "secondary" | "danger";
}) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
      {state.status === "error" && state.message && (
        <span role="alert" className="text-sm text-red-700">
          {t(state.message)}
        </span>
      )}
      {state.status === "ok" && state.message && (
        <span role="status" className="text-sm text-green-800">
          {t(state.message)}
        </span>
      )}
    </form>
  );
}
