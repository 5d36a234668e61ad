"use client";
// "Show this question only if …": comparisons on earlier answers, chosen from lists so that none
// can name a later question or an option that does not exist, joined by "all" (and) or "any"
// (or). Number and scale questions compare as numbers ("employees is at least 10"). A nested
// group from an imported file is shown as it is and can be removed.
import { useId } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { compactControlClass } from "@/components/ui/form-field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { needsValue, OPS_FOR, type ComparisonOp } from "@/lib/questionnaire/condition-operators";
import type { Comparison, Condition } from "@/lib/questionnaire/definition-schema";
import { earlierQuestions, type DraftQuestion } from "@/lib/questionnaire/draft-edits";
import { pathKey } from "@/lib/questionnaire/definition-issues";
import { displayName } from "@/lib/questionnaire/localized-text";
import { conditionParts, itemPath, joinConditions, nextComparison, type Join } from "@/lib/questionnaire/show-if-edits";
import { getAt, setAt, useDesigner, type Path } from "./designer-context";
import { useIssues } from "./fields";

export function ShowIfEditor({ sectionIndex, questionIndex }: { sectionIndex: number; questionIndex: number }) {
  const t = useTranslations("designer.showIf");
  const { draft, update, touch } = useDesigner();
  const path: Path = ["sections", sectionIndex, "questions", questionIndex, "showIf"];
  const condition = getAt(draft, path) as Condition | undefined;
  const earlier = earlierQuestions(draft, sectionIndex, questionIndex);
  const noEarlierId = useId();
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
          aria-describedby={earlier.length === 0 ? noEarlierId : undefined}
          onClick={() => set(nextComparison(codes, []))}
        >
          {t("add")}
        </Button>
        {earlier.length === 0 && (
          <p id={noEarlierId} className="mt-1 text-xs text-slate-500">
            {t("noEarlier")}
          </p>
        )}
      </div>
    );

  const { join, items } = conditionParts(condition);
  const setItems = (nextJoin: Join, list: Condition[]) => set(joinConditions(nextJoin, list));
  const several = items.length > 1;

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-path={pathKey(path)}>
      <legend className="px-1 text-xs font-medium text-slate-600">{t("legend")}</legend>
      {several && (
        <LabelledSelect label={t("join")} value={join} onChange={(e) => setItems(e.target.value as Join, items)}>
          <option value="all">{t("joins.all")}</option>
          <option value="any">{t("joins.any")}</option>
        </LabelledSelect>
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

/**
 * One comparison: an earlier question, how its answer compares (only the operators its type
 * allows), and the value if the test needs one. A new operator keeps the value it had, or none:
 * the problems list then asks for it rather than the designer choosing one.
 */
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
  const locale = useLocale() === "en" ? "en" : "zh";
  const valueId = useId();
  const issues = {
    question: useIssues([...path, "question"]),
    op: useIssues([...path, "op"]),
    value: useIssues([...path, "value"]),
  };
  const target = earlier.find((q) => q.code === comparison.question);
  const ops: readonly ComparisonOp[] = target ? OPS_FOR[target.type] : ["answered", "not_answered"];
  const options = target && "options" in target ? target.options : null;
  const numeric = target?.type === "number" || target?.type === "scale";
  const scale = target?.type === "scale" ? target.scale : null;
  const { value: _value, ...withoutValue } = comparison;
  const setValue = (value: string | number | undefined) =>
    onChange(value === undefined || value === "" ? withoutValue : { ...withoutValue, value });

  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <LabelledSelect
        label={t("question")}
        value={comparison.question}
        onChange={(e) => onChange({ question: e.target.value, op: "answered" })}
        {...issues.question.inputProps}
        note={issues.question.view}
      >
        {!target && <option value={comparison.question}>{comparison.question}</option>}
        {earlier.map((q) => (
          <option key={q.code} value={q.code}>
            {`${displayName(q, locale)} (${q.code})`}
          </option>
        ))}
      </LabelledSelect>
      <LabelledSelect
        label={t("op")}
        value={comparison.op}
        onChange={(e) => {
          const op = e.target.value as ComparisonOp;
          onChange({
            question: comparison.question,
            op,
            ...(needsValue(op) && comparison.value !== undefined ? { value: comparison.value } : {}),
          });
        }}
        {...issues.op.inputProps}
        note={issues.op.view}
      >
        {/* An imported operator the question's type does not allow stays visible until changed. */}
        {!ops.includes(comparison.op) && <option value={comparison.op}>{t(`ops.${comparison.op}`)}</option>}
        {ops.map((op) => (
          <option key={op} value={op}>
            {t(`ops.${op}`)}
          </option>
        ))}
      </LabelledSelect>
      {needsValue(comparison.op) &&
        (options ? (
          <LabelledSelect
            label={t("value")}
            value={String(comparison.value ?? "")}
            onChange={(e) => setValue(e.target.value)}
            {...issues.value.inputProps}
            note={issues.value.view}
          >
            <option value="">{t("chooseValue")}</option>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {displayName(o, locale)}
              </option>
            ))}
          </LabelledSelect>
        ) : (
          <div>
            <label htmlFor={valueId} className="block text-xs font-medium text-slate-600">
              {t("value")}
            </label>
            {numeric ? (
              <input
                id={valueId}
                type="number"
                inputMode="decimal"
                step="any"
                min={scale?.min}
                max={scale?.max}
                className={compactControlClass}
                value={typeof comparison.value === "number" ? comparison.value : ""}
                onChange={(e) => setValue(e.target.value === "" ? undefined : Number(e.target.value))}
                {...issues.value.inputProps}
              />
            ) : (
              <input
                id={valueId}
                className={compactControlClass}
                value={String(comparison.value ?? "")}
                onChange={(e) => setValue(e.target.value)}
                {...issues.value.inputProps}
              />
            )}
            {issues.value.view}
          </div>
        ))}
    </div>
  );
}
