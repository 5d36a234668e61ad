"use client";
// "Show this question only if …": comparisons on earlier answers, chosen from lists so that none
// can name a later question or an option that does not exist, joined by "all" (and) or "any"
// (or). Number and scale questions compare as numbers ("employees is at least 10"). A nested
// group from an imported file is shown as it is and can be removed.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Comparison, Condition } from "@/lib/questionnaire/definition-schema";
import { earlierQuestions, type DraftQuestion } from "@/lib/questionnaire/draft-edits";
import { pathKey } from "@/lib/questionnaire/definition-issues";
import {
  conditionParts,
  itemPath,
  joinConditions,
  nextComparison,
  takesValue,
  type Join,
} from "@/lib/questionnaire/show-if-edits";
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
  const { draft, update, touch } = useDesigner();
  const path: Path = ["sections", sectionIndex, "questions", questionIndex, "showIf"];
  const condition = getAt(draft, path) as Condition | undefined;
  const earlier = earlierQuestions(draft, sectionIndex, questionIndex);
  const joinId = useId();
  const groupIssues = useIssues(path);
  const set = (next: Condition | undefined) => {
    touch(pathKey(path));
    update((d) => setAt(d, path, next), pathKey(path));
  };
  const codes = earlier.map((q) => q.code);

  if (!condition)
    return (
      <div>
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={earlier.length === 0}
          onClick={() => set(nextComparison(codes, []))}
        >
          {t("add")}
        </Button>
        {earlier.length === 0 && <p className="mt-1 text-xs text-slate-500">{t("noEarlier")}</p>}
      </div>
    );

  const { join, items } = conditionParts(condition);
  const setItems = (nextJoin: Join, list: Condition[]) => set(joinConditions(nextJoin, list));
  const several = items.length > 1;

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-path={pathKey(path)}>
      <legend className="px-1 text-xs font-medium text-slate-600">{t("legend")}</legend>
      {several && (
        <div>
          <label htmlFor={joinId} className="block text-xs text-slate-600">
            {t("join")}
          </label>
          <select
            id={joinId}
            className={compactControlClass}
            value={join}
            onChange={(e) => setItems(e.target.value as Join, items)}
          >
            <option value="all">{t("joins.all")}</option>
            <option value="any">{t("joins.any")}</option>
          </select>
        </div>
      )}
      <ol className="space-y-2">
        {items.map((item, i) => {
          const at = [...path, ...itemPath(condition, i)];
          const replace = (next: Condition) => setItems(join, items.toSpliced(i, 1, next));
          const body =
            "question" in item ? (
              <ComparisonRow path={at} comparison={item} earlier={earlier} onChange={replace} />
            ) : (
              <div className="text-sm">
                <p>{t("compound")}</p>
                <code className="block break-all text-xs">{JSON.stringify(item)}</code>
              </div>
            );
          return (
            <li key={i}>
              {several ? (
                <fieldset className="rounded border border-slate-200 bg-slate-50 p-2">
                  <legend className="px-1 text-xs text-slate-600">
                    {t("item", { n: i + 1 })} {i > 0 && `· ${t(`joinWords.${join}`)}`}
                  </legend>
                  {body}
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    className="mt-1"
                    onClick={() => setItems(join, items.toSpliced(i, 1))}
                  >
                    {t("removeItem", { n: i + 1 })}
                  </Button>
                </fieldset>
              ) : (
                body
              )}
            </li>
          );
        })}
      </ol>
      {groupIssues.view}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={earlier.length === 0}
          onClick={() => setItems(join, [...items, nextComparison(codes, items)!])}
        >
          {t("addAnother")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => set(undefined)}>
          {t(several ? "removeAll" : "remove")}
        </Button>
      </div>
    </fieldset>
  );
}

/** One comparison: an earlier question, how its answer compares, and the value if the test needs one. */
function ComparisonRow({
  path,
  comparison,
  earlier,
  onChange,
}: {
  path: Path;
  comparison: Comparison;
  earlier: DraftQuestion[];
  onChange: (next: Comparison) => void;
}) {
  const t = useTranslations("designer.showIf");
  const locale = useLocale();
  const ids = { question: useId(), op: useId(), value: useId() };
  const issues = { question: useIssues([...path, "question"]), value: useIssues([...path, "value"]) };
  const labelOf = (q: DraftQuestion) =>
    `${(locale === "zh" ? q.label.zh || q.label.en : q.label.en || q.label.zh) || q.code} (${q.code})`;
  const target = earlier.find((q) => q.code === comparison.question);
  const ops = target ? OPS_FOR[target.type] : (["answered", "not_answered"] as Comparison["op"][]);
  const options = target && "options" in target ? target.options : null;
  const numeric = target?.type === "number" || target?.type === "scale";
  const scale = target?.type === "scale" ? target.scale : null;

  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <div>
        <label htmlFor={ids.question} className="block text-xs text-slate-600">
          {t("question")}
        </label>
        <select
          id={ids.question}
          className={compactControlClass}
          value={comparison.question}
          onChange={(e) => onChange({ question: e.target.value, op: "answered" })}
          {...issues.question.inputProps}
        >
          {!target && <option value={comparison.question}>{comparison.question}</option>}
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
          value={comparison.op}
          onChange={(e) => {
            const op = e.target.value as Comparison["op"];
            onChange({
              question: comparison.question,
              op,
              ...(takesValue(op) ? { value: comparison.value ?? options?.[0]?.code ?? scale?.min ?? 0 } : {}),
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
      {takesValue(comparison.op) && (
        <div>
          <label htmlFor={ids.value} className="block text-xs text-slate-600">
            {t("value")}
          </label>
          {options ? (
            <select
              id={ids.value}
              className={compactControlClass}
              value={String(comparison.value ?? "")}
              onChange={(e) => onChange({ ...comparison, value: e.target.value })}
              {...issues.value.inputProps}
            >
              {options.map((o) => (
                <option key={o.code} value={o.code}>
                  {(locale === "zh" ? o.label.zh || o.label.en : o.label.en || o.label.zh) || o.code}
                </option>
              ))}
            </select>
          ) : numeric ? (
            <input
              id={ids.value}
              type="number"
              inputMode="decimal"
              step="any"
              min={scale?.min}
              max={scale?.max}
              className={compactControlClass}
              value={typeof comparison.value === "number" ? comparison.value : ""}
              onChange={(e) => {
                const { value: _empty, ...rest } = comparison;
                onChange(e.target.value === "" ? rest : { ...rest, value: Number(e.target.value) });
              }}
              {...issues.value.inputProps}
            />
          ) : (
            <input
              id={ids.value}
              className={compactControlClass}
              value={String(comparison.value ?? "")}
              onChange={(e) => onChange({ ...comparison, value: e.target.value })}
              {...issues.value.inputProps}
            />
          )}
          {issues.value.view}
        </div>
      )}
    </div>
  );
}
