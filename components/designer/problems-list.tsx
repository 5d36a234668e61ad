"use client";
// Beside the preview: every problem the draft still has, each naming its place (section ›
// question › option · field) and taking the researcher to that field. Until publishing is tried
// it reads as a to-do list, not as errors.
import { useLocale, useTranslations } from "next-intl";
import { issuePlace, type IssueMap, type IssuePath } from "@/lib/questionnaire/definition-issues";
import { displayName } from "@/lib/questionnaire/localized-text";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import { cn } from "@/lib/utils";

type Named = { code: string; label?: { zh?: string; en?: string }; title?: { zh?: string; en?: string } };

export function ProblemsList({
  draft,
  issues,
  alarming,
  onGo,
}: {
  draft: DraftDefinition;
  issues: IssueMap;
  /** Publishing was tried: the problems are errors now. */
  alarming: boolean;
  onGo: (path: IssuePath) => void;
}) {
  const t = useTranslations("designer.problems");
  const locale = useLocale() === "en" ? "en" : "zh";
  const entries = [...issues].flatMap(([key, { path, messages }]) =>
    messages.map((message) => ({ key, path, message })),
  );
  if (entries.length === 0) return null;

  const nameOf = (item: Named) => displayName(item, locale) || t("untitled");
  const placeOf = (path: IssuePath) => {
    const place = issuePlace(path);
    const section = place.sectionIndex === undefined ? undefined : draft.sections[place.sectionIndex];
    const question = place.questionIndex === undefined ? undefined : section?.questions[place.questionIndex];
    const owner = (question ?? section ?? draft) as Record<string, unknown>;
    const list = place.item ? getList(owner, place.item.list) : undefined;
    const item = place.item ? (list?.[place.item.index] as Named | undefined) : undefined;
    const parts = [
      section ? t("section", { name: nameOf(section as Named) }) : null,
      question ? t("question", { code: question.code || String(place.questionIndex! + 1) }) : null,
      place.item ? (item?.code ?? t("item", { n: place.item.index + 1 })) : null,
    ].filter(Boolean);
    const field = place.field && t.has(`fields.${place.field}`) ? t(`fields.${place.field}` as "fields.label") : null;
    return `${parts.join(" › ")}${field ? `${parts.length ? " · " : ""}${field}` : ""}`;
  };

  return (
    <section
      aria-labelledby="designer-problems"
      className={cn(
        "rounded-md border p-2 text-sm",
        alarming ? "border-red-700 bg-red-50" : "border-amber-300 bg-amber-50",
      )}
    >
      <h2 id="designer-problems" className={cn("font-semibold", alarming ? "text-red-800" : "text-slate-800")}>
        {t("title", { count: entries.length })}
      </h2>
      <ol className="mt-1 max-h-48 space-y-1 overflow-y-auto" data-testid="problems">
        {entries.map(({ key, path, message }, i) => (
          <li key={`${key}-${i}`}>
            <button
              type="button"
              className="w-full rounded px-1 py-0.5 text-left hover:bg-white focus-visible:bg-white"
              onClick={() => onGo(path)}
            >
              <span className="block text-xs text-slate-700">{placeOf(path)}</span>
              <span className={alarming ? "text-red-800" : "text-slate-900"}>{message}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function getList(owner: unknown, key: string): unknown[] | undefined {
  if (key === "points") return ((owner as { scale?: { points?: unknown[] } }).scale ?? {}).points;
  const value = (owner as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(value) ? value : undefined;
}
