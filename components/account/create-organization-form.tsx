"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, FormMessage, controlClass } from "@/components/ui/form-field";
import { IDLE, type FormState } from "@/lib/organizations/form-state";

export function CreateOrganizationForm({
  action,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations("account");
  // Controlled, so what was typed survives the form reset React does after each action.
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [state, formAction, pending] = useActionState(action, IDLE);
  const error = (field: string) => (state.fieldErrors?.[field] ? t(state.fieldErrors[field]) : undefined);
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state.status === "error" && state.message && <FormMessage tone="error">{t(state.message)}</FormMessage>}
      <FormField label={t("organizations.name")} error={error("name")}>
        {(control) => (
          <input
            {...control}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={controlClass}
          />
        )}
      </FormField>
      <FormField label={t("organizations.slug")} hint={t("organizations.slugHint")} error={error("slug")}>
        {(control) => (
          <input
            {...control}
            name="slug"
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            className={controlClass}
          />
        )}
      </FormField>
      <Button type="submit" disabled={pending}>
        {t("organizations.create")}
      </Button>
    </form>
  );
}
