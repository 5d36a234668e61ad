"use client";
// "Show this question only if …": one condition on an earlier question's answer, chosen from
// lists so it cannot name a later question or an option that does not exist. Compound
// conditions (all/any) from imported files are shown as they are and can be removed.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Comparison, Condition } from "@/lib/questionnaire/definition-schema";
import { earlierQuestions, type DraftQuestion } from "@/lib/questionnaire/draft-edits";
import { pathKey } from "@/lib/questionnaire/definition-issues";
import { getAt, setAt, useDesigner, type Path } from "./designer-context";
import { useIssues } from "./fields";
import { compactControlClass } from "@/components/ui/form-field";

const OPS_FOR: Record<DraftQuestion["type"], Comparison["op"][]> = {
  single: ["equals", "not_equals", "answered", "not_answered"],
  multi: ["includes", "excludes", "answered", "not_answered"],
  rank: ["includes", "excludes", "answered", "not_answered"],
  scale: ["gte", "lte", "equals", "answered", "not_answered"],
  matrix: ["answered", "not_answered"],
  number: ["gte", "lte", "equals", "answered", "not_answered"],
  text: ["answered", "not_answered", "equals"],
};

export function ShowIfEditor({ sectionIndex, questionIndex }: { sectionIndex: number; questionIndex: number }) {
  const t = useTranslations("designer.showIf");
  const locale = useLocale();
  const { draft, update } = useDesigner();
  const path: Path = ["sections", sectionIndex, "questions", questionIndex, "showIf"];
  const condition = getAt(draft, path) as Condition | undefined;
  const earlier = earlierQuestions(draft, sectionIndex, questionIndex);
  const ids = { question: useId(), op: useId(), value: useId() };
  const issues = {
    question: useIssues([...path, "question"]),
    value: useIssues([...path, "value"]),
    all: useIssues(path),
  };
  const set = (next: Condition | undefined) => update((d) => setAt(d, path, next), pathKey(path));
  const labelOf = (q: DraftQuestion) =>
    `${(locale === "zh" ? q.label.zh || q.label.en : q.label.en || q.label.zh) || q.code} (${q.code})`;

  if (!condition)
    return (
      <div>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={earlier.length === 0}
          onClick={() => set({ question: earlier[earlier.length - 1].code, op: "answered" })}
        >
          {t("add")}
        </Button>
        {earlier.length === 0 && <p className="mt-1 text-xs text-slate-500">{t("noEarlier")}</p>}
      </div>
    );

  if (!("question" in condition))
    return (
      <div className="rounded-md border border-slate-200 p-2 text-sm">
        <p>{t("compound")}</p>
        <code className="block break-all text-xs">{JSON.stringify(condition)}</code>
        {issues.all.view}
        <Button type="button" size="sm" variant="ghost" onClick={() => set(undefined)}>
          {t("remove")}
        </Button>
      </div>
    );

  const target = earlier.find((q) => q.code === condition.question);
  const ops = target ? OPS_FOR[target.type] : (["answered", "not_answered"] as Comparison["op"][]);
  const needsValue = condition.op !== "answered" && condition.op !== "not_answered";
  const options = target && "options" in target ? target.options : null;

  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-medium text-slate-600">{t("legend")}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        <div>
          <label htmlFor={ids.question} className="block text-xs text-slate-600">
            {t("question")}
          </label>
          <select
            id={ids.question}
            className={compactControlClass}
            value={condition.question}
            onChange={(e) => set({ question: e.target.value, op: "answered" })}
            {...issues.question.inputProps}
          >
            {!target && <option value={condition.question}>{condition.question}</option>}
            {earlier.map((q) => (
              <option key={q.code} value={q.code}>
                {labelOf(q)}
              </option>
            ))}
          </select>
          {issues.question.view}
        </div>
        <div>
          <label htmlFor={ids.op} className="block text-xs text-slate-600">
            {t("op")}
          </label>
          <select
            id={ids.op}
            className={compactControlClass}
            value={condition.op}
            onChange={(e) => {
              const op = e.target.value as Comparison["op"];
              const keep = op !== "answered" && op !== "not_answered";
              set({
                question: condition.question,
                op,
                ...(keep ? { value: condition.value ?? options?.[0]?.code ?? 0 } : {}),
              });
            }}
          >
            {ops.map((op) => (
              <option key={op} value={op}>
                {t(`ops.${op}`)}
              </option>
            ))}
          </select>
        </div>
        {needsValue && (
          <div>
            <label htmlFor={ids.value} className="block text-xs text-slate-600">
              {t("value")}
            </label>
            {options ? (
              <select
                id={ids.value}
                className={compactControlClass}
                value={String(condition.value ?? "")}
                onChange={(e) => set({ ...condition, value: e.target.value })}
                {...issues.value.inputProps}
              >
                {options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {(locale === "zh" ? o.label.zh || o.label.en : o.label.en || o.label.zh) || o.code}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={ids.value}
                className={compactControlClass}
                inputMode={target?.type === "text" ? "text" : "decimal"}
                value={String(condition.value ?? "")}
                onChange={(e) => {
                  const raw = e.target.value;
                  const value = target?.type === "text" || raw === "" || Number.isNaN(Number(raw)) ? raw : Number(raw);
                  set({ ...condition, value });
                }}
                {...issues.value.inputProps}
              />
            )}
            {issues.value.view}
          </div>
        )}
      </div>
      <Button type="button" size="sm" variant="ghost" className="mt-2" onClick={() => set(undefined)}>
        {t("remove")}
      </Button>
    </fieldset>
  );
}
