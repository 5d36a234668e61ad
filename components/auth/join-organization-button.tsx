"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function JoinOrganizationButton({
  action,
  label,
}: {
  action: (state: FormState) => Promise<FormState>;
  label: string;
}) {
  const t = useTranslations("account");
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      <Button type="submit" disabled={pending} className="w-full">
        {label}
      </Button>
    </form>
  );
}
