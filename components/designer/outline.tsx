"use client";
// The outline beside the editor: every section and question on one short list. Choosing a
// question opens its editor (the others stay one line each) and scrolls to it; each entry says
// how many problems lie under it, without calling them errors before publishing is tried.
import { useLocale, useTranslations } from "next-intl";
import { countIssuesUnder, countOwnIssues } from "@/lib/questionnaire/definition-issues";
import { itemKey } from "@/lib/questionnaire/item-keys";
import { displayName } from "@/lib/questionnaire/localized-text";
import { cn } from "@/lib/utils";
import { useDesigner } from "./designer-context";

export function Outline({
  onOpen,
  onSection,
}: {
  onOpen: (section: number, question: number) => void;
  onSection: (section: number) => void;
}) {
  const t = useTranslations("designer.outline");
  const locale = useLocale() === "en" ? "en" : "zh";
  const { draft, allIssues, selected } = useDesigner();
  const badge = (n: number) =>
    n > 0 ? (
      <span className="ml-auto shrink-0 rounded bg-amber-100 px-1.5 text-xs text-amber-900">
        <span aria-hidden>{n}</span>
        <span className="sr-only">{t("problems", { count: n })}</span>
      </span>
    ) : null;
  return (
    <nav aria-label={t("title")} className="text-sm">
      <h2 className="mb-2 text-sm font-semibold">{t("title")}</h2>
      <ol className="space-y-3">
        {draft.sections.map((section, si) => (
          <li key={itemKey(section)}>
            <button
              type="button"
              className="flex w-full items-center gap-1 rounded px-1 py-1 text-left font-medium hover:bg-slate-100"
              onClick={() => onSection(si)}
            >
              <span className="min-w-0 truncate">
                {si + 1}. {displayName(section, locale)}
              </span>
              {badge(countOwnIssues(allIssues, ["sections", si], "questions"))}
            </button>
            <ol className="mt-1 space-y-0.5 border-l border-slate-200 pl-2">
              {section.questions.map((q, qi) => {
                const current = selected?.section === si && selected.question === qi;
                return (
                  <li key={itemKey(q)}>
                    <button
                      type="button"
                      aria-current={current ? "true" : undefined}
                      className={cn(
                        "flex w-full items-center gap-1 rounded px-1 py-1 text-left hover:bg-slate-100",
                        current && "bg-brand-50 font-semibold text-brand-800",
                      )}
                      onClick={() => onOpen(si, qi)}
                    >
                      <span className="min-w-0 truncate">{displayName(q, locale)}</span>
                      {badge(countIssuesUnder(allIssues, ["sections", si, "questions", qi]))}
                    </button>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
