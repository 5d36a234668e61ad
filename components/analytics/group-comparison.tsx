"use client";
// Compare the groups of one breakdown (e.g. micro, small and medium firms) on every level's
// factors: each group's share with its interval, and Holm-adjusted p-values of the z-test (two
// groups) or the chi-square test (more). The choices live in the URL (compare_by, groups).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { comparisonCsv } from "@/lib/analytics/to-comparison-bars";
import type { GroupsComparison } from "@/lib/analytics/to-groups-comparison";
import { ChartFigure } from "./chart-figure";
import { COMPARISON_COLOURS, ComparisonChart } from "./comparison-chart";
import { ComparisonTable } from "./comparison-table";
import type { FilterBreakdown } from "./dashboard-filters";

type Props = { breakdowns: FilterBreakdown[]; comparisons: GroupsComparison[]; threshold: number };

export function GroupComparison({ breakdowns, comparisons, threshold }: Props) {
  const t = useTranslations("dashboard");
  const levelName = useTranslations("common.levels");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Choices show at once and build on each other while the page's new numbers load.
  const [query, setQuery] = useOptimistic(search.toString());
  const current = new URLSearchParams(query);
  const by = current.get("compare_by") ?? "";
  const breakdown = breakdowns.find((b) => b.key === by);
  // No list: every group is compared.
  const listed = current.get("groups")?.split(",") ?? null;
  const chosen = breakdown ? breakdown.options.map((o) => o.code).filter((c) => !listed || listed.includes(c)) : [];

  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    startTransition(() => {
      setQuery(next.toString());
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    });
  };
  const toggle = (code: string, on: boolean) => {
    const next = breakdown!.options.map((o) => o.code).filter((c) => (c === code ? on : chosen.includes(c)));
    set({ groups: next.length === breakdown!.options.length ? "" : next.join(",") });
  };
  const field = "min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";
  return (
    <section
      aria-labelledby="compare-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-busy={pending}
    >
      <h2 id="compare-title" className="text-base font-semibold">
        {t("compare.title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("compare.lead")}</p>
      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("compare.by")}</span>
          <select className={field} value={by} onChange={(e) => set({ compare_by: e.target.value, groups: "" })}>
            <option value="">{t("compare.none")}</option>
            {breakdowns.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        {breakdown && (
          <fieldset className="text-sm sm:col-span-2">
            <legend className="mb-1 font-medium text-slate-700">{t("compare.groups")}</legend>
            <div className="flex flex-wrap gap-x-4">
              {breakdown.options.map((o) => {
                const checked = chosen.includes(o.code);
                return (
                  <label key={o.code} className="flex min-h-11 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4"
                      checked={checked}
                      // At least two groups stay chosen.
                      disabled={checked && chosen.length <= 2}
                      onChange={(e) => toggle(o.code, e.target.checked)}
                    />
                    {o.label}
                  </label>
                );
              })}
            </div>
            <p className="text-xs text-slate-600">{t("compare.groupsHint")}</p>
          </fieldset>
        )}
      </div>
      {comparisons.map((c) => (
        <div key={c.level} className="mt-4 overflow-x-auto" data-testid={`compare-${c.level}`}>
          <h3 className="text-sm font-semibold">{t(`levels.${c.level}`)}</h3>
          {c.hiddenGroups.length > 0 && (
            <p className="mt-1 text-sm text-slate-600" data-testid={`compare-${c.level}-hidden`}>
              {t("compare.hiddenGroups", { threshold, groups: c.hiddenGroups.map((g) => g.label).join(", ") })}
            </p>
          )}
          {c.suppressed ? (
            <p role="status" className="mt-1 text-sm text-amber-900">
              {t("compare.tooFewGroups", { threshold })}
            </p>
          ) : (
            // The chart (with its downloads) and the table side by side where there is room.
            <div className="mt-2 grid items-start gap-4 xl:grid-cols-2">
              <ChartFigure
                id={`compare-${c.level}-chart`}
                fileKey={`${c.level}_by_${by}`}
                title={t("compare.chart", { level: levelName(c.level) })}
                legend={c.groups.map((g, i) => ({
                  label: g.label,
                  colour: COMPARISON_COLOURS[i % COMPARISON_COLOURS.length],
                }))}
                notes={t("compare.note")}
                csv={comparisonCsv(c.level, c.groups, c.factors)}
              >
                <ComparisonChart
                  id={c.level}
                  compared="groups"
                  title={t("compare.chart", { level: levelName(c.level) })}
                  groups={c.groups}
                  factors={c.factors}
                  legend={false}
                />
              </ChartFigure>
              <ComparisonTable groups={c.groups} factors={c.factors} />
            </div>
          )}
        </div>
      ))}
      {/* The method note is in each chart's caption (and so in its downloads). */}
      {comparisons.some((c) => c.perturbed) && <p className="mt-2 text-xs text-slate-600">{t("perturbedNote")}</p>}
    </section>
  );
}
