"use client";
// Sets "at most N complete responses with this answer" on a breakdown question's value.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/form-field";

type State = { error?: string; saved?: boolean } | null;
type QuestionChoice = { code: string; label: string; options: { code: string; label: string }[] };

export function QuotaForm({
  questions,
  action,
}: {
  questions: QuestionChoice[];
  action: (state: State, form: FormData) => Promise<State>;
}) {
  const t = useTranslations("surveys.quotas");
  const te = useTranslations("surveys.errors");
  const [state, formAction, pending] = useActionState(action, null);
  const [question, setQuestion] = useState(questions[0]?.code ?? "");
  const ids = { q: useId(), o: useId(), l: useId() };
  const options = questions.find((q) => q.code === question)?.options ?? [];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={ids.q} className="block text-sm">
          {t("question")}
        </label>
        <select
          id={ids.q}
          name="questionCode"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          className={compactControlClass}
        >
          {questions.map((q) => (
            <option key={q.code} value={q.code}>
              {q.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.o} className="block text-sm">
          {t("value")}
        </label>
        <select id={ids.o} name="optionCode" className={compactControlClass} key={question}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={ids.l} className="block text-sm">
          {t("limit")}
        </label>
        <input
          id={ids.l}
          name="limit"
          type="number"
          min={1}
          inputMode="numeric"
          required
          className={`${compactControlClass} w-28`}
          aria-invalid={state?.error ? true : undefined}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      <p role="status" className="w-full text-sm">
        {state?.error ? (
          <span className="text-red-700">{te(state.error as "numberInvalid")}</span>
        ) : state?.saved ? (
          <span className="text-green-800">{t("saved")}</span>
        ) : null}
      </p>
    </form>
  );
}
