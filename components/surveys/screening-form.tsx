"use client";
// Mark a response invalid (a reason is required) or restore it to the valid set.
import { useActionState, useId, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/form-field";

type State = { error?: string } | null;

export function ScreeningForm(props: {
  screened: boolean;
  markInvalid: (state: State, form: FormData) => Promise<State>;
  restore: () => Promise<State>;
}) {
  const t = useTranslations("responses.screening");
  const [state, action, pending] = useActionState(props.markInvalid, null);
  const [restoring, startRestore] = useTransition();
  const id = useId();
  if (props.screened)
    return (
      <Button
        type="button"
        variant="secondary"
        disabled={restoring}
        onClick={() => startRestore(async () => void (await props.restore()))}
      >
        {t("restore")}
      </Button>
    );
  return (
    <form action={action} className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("reason")}
      </label>
      <textarea
        id={id}
        name="reason"
        aria-required="true"
        className={`${compactControlClass} h-20`}
        aria-invalid={state?.error ? true : undefined}
        aria-describedby={state?.error ? `${id}-error` : undefined}
      />
      {state?.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {t(`errors.${state.error}` as "errors.reasonRequired")}
        </p>
      )}
      <Button type="submit" variant="danger" disabled={pending}>
        {t("markInvalid")}
      </Button>
    </form>
  );
}
