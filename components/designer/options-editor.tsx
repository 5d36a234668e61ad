"use client";
// The options of a single, multi or rank question (or the rows of a matrix): code, labels in
// both languages, the factor each maps to, and the flags its question type allows. They reorder
// by drag and drop or by the arrows.
import { useLocale, useTranslations } from "next-intl";
import { current } from "immer";
import { Button } from "@/components/ui/button";
import { moveItem, newOption, uniqueCode } from "@/lib/questionnaire/draft-edits";
import { countIssuesUnder, pathKey } from "@/lib/questionnaire/definition-issues";
import { itemKey } from "@/lib/questionnaire/item-keys";
import { displayName } from "@/lib/questionnaire/localized-text";
import { getAt, useDesigner, type Path } from "./designer-context";
import { CheckboxField, LocalizedField, TextField, useIssues } from "./fields";
import { FactorPicker } from "./factor-picker";
import { ItemActions } from "./item-actions";
import { SortableItem, SortableList } from "./sortable-list";

type Item = { code: string; label: { zh?: string; en?: string } };

export function OptionsEditor({
  path,
  kind,
  questionType,
}: {
  path: Path;
  kind: "options" | "rows";
  questionType: string;
}) {
  const t = useTranslations("designer");
  const locale = useLocale() === "en" ? "en" : "zh";
  const { draft, update, issues, announceDeletion } = useDesigner();
  const items = (getAt(draft, path) ?? []) as Item[];
  const listIssues = useIssues(path);
  // `fn` sees the list as plain data (current), so that it can copy an item with structuredClone.
  const edit = (fn: (list: Item[]) => Item[]) =>
    update((d) => {
      const parent = getAt(d, path.slice(0, -1)) as Record<string, Item[]>;
      parent[kind] = fn(current(parent[kind]));
    });

  const names = items.map((item) => displayName(item, locale));
  return (
    <fieldset className="space-y-3" data-path={pathKey(path)}>
      <legend className="text-sm font-semibold">{t(kind === "options" ? "options" : "rows")}</legend>
      {/* The list sits inside the drag context, whose screen-reader texts may not be list items. */}
      <SortableList
        items={items.map((item, index) => ({ id: itemKey(item), name: names[index] }))}
        onMove={(from, to) => edit((list) => moveItem(list, from, to))}
      >
        <ol className="space-y-3">
          {items.map((item, index) => {
            const at = [...path, index];
            const name = names[index];
            return (
              <SortableItem
                key={itemKey(item)}
                id={itemKey(item)}
                name={name}
                as="li"
                className="rounded-md border border-slate-200 bg-slate-50 p-3"
              >
                {(handle) => (
                  <div
                    data-testid={`item-${item.code}`}
                    data-issues={countIssuesUnder(issues, at)}
                    data-path={pathKey(at)}
                  >
                    <div className="flex flex-wrap items-end justify-between gap-2">
                      <div className="flex items-end gap-2">
                        {handle}
                        <TextField path={[...at, "code"]} label={t("code")} className="w-40" />
                      </div>
                      <ItemActions
                        name={name}
                        index={index}
                        count={items.length}
                        onMove={(to) => edit((list) => moveItem(list, index, to))}
                        onDuplicate={() =>
                          edit((list) => {
                            const copy = {
                              ...structuredClone(list[index]),
                              code: uniqueCode(
                                `${list[index].code}_copy`,
                                list.map((o) => o.code),
                              ),
                            };
                            return [...list.slice(0, index + 1), copy, ...list.slice(index + 1)];
                          })
                        }
                        onDelete={() => {
                          edit((list) => list.filter((_, i) => i !== index));
                          announceDeletion(name);
                        }}
                      />
                    </div>
                    <div className="mt-2 space-y-2">
                      <LocalizedField path={[...at, "label"]} label={t("label")} />
                      <div className="grid gap-2 sm:grid-cols-2">
                        <FactorPicker path={[...at, "factor"]} label={t("factor")} />
                        {kind === "options" && (
                          <div className="flex flex-wrap gap-x-4">
                            {questionType === "multi" && (
                              <CheckboxField path={[...at, "exclusive"]} label={t("exclusive")} />
                            )}
                            <CheckboxField path={[...at, "nonSubstantive"]} label={t("nonSubstantive")} />
                          </div>
                        )}
                      </div>
                    </div>
                  </div>
                )}
              </SortableItem>
            );
          })}
        </ol>
      </SortableList>
      {listIssues.view}
      <Button
        type="button"
        size="sm"
        variant="secondary"
        onClick={() =>
          edit((list) => [
            ...list,
            kind === "options"
              ? newOption(list.map((o) => o.code))
              : {
                  code: uniqueCode(
                    `row_${list.length + 1}`,
                    list.map((r) => r.code),
                  ),
                  label: {},
                },
          ])
        }
      >
        {t(kind === "options" ? "addOption" : "addRow")}
      </Button>
    </fieldset>
  );
}
