"use client";
// Creates a named API token for one of the user's organizations and shows it once.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";
import { CopyField } from "./copy-field";

export function CreateTokenForm({
  action,
  organizations,
  currentOrganizationId,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  organizations: { id: string; name: string }[];
  currentOrganizationId?: string;
}) {
  const t = useTranslations("account");
  // Controlled, so what was typed survives the form reset React does after each action.
  const [name, setName] = useState("");
  const [organizationId, setOrganizationId] = useState(currentOrganizationId ?? organizations[0]?.id ?? "");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);
  return (
    <div className="space-y-4">
      <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <FormField label={t("tokens.name")} error={error("name")}>
          {(control) => (
            <input
              {...control}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
              className={controlClass}
            />
          )}
        </FormField>
        <FormField label={t("tokens.organization")} error={error("organizationId")}>
          {(control) => (
            <select
              {...control}
              name="organizationId"
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
              className={controlClass}
            >
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Button type="submit" disabled={pending}>
          {t("tokens.create")}
        </Button>
      </form>
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      {state.status === "ok" && state.result && (
        <div className="space-y-2">
          <FormMessage tone="success">{t("tokens.created", { name: state.result.name })}</FormMessage>
          <CopyField label={t("tokens.tokenLabel")} value={state.result.token} testId="new-api-token" />
        </div>
      )}
    </div>
  );
}
