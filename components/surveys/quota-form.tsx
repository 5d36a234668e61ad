"use client";
// Sets "at most N complete responses with this answer" on a breakdown question's value.
import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/form-field";
import { LabelledSelect } from "@/components/ui/labelled-select";

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
  const limitId = useId();
  const options = questions.find((q) => q.code === question)?.options ?? [];
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <LabelledSelect
        label={t("question")}
        name="questionCode"
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
      >
        {questions.map((q) => (
          <option key={q.code} value={q.code}>
            {q.label}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect label={t("value")} name="optionCode" key={question}>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label}
          </option>
        ))}
      </LabelledSelect>
      <div>
        <label htmlFor={limitId} className="block text-xs font-medium text-slate-600">
          {t("limit")}
        </label>
        <input
          id={limitId}
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
