"use client";
// Compare two groups of one breakdown (e.g. micro vs small firms) on every level's factors:
// both shares, the difference, and Holm-adjusted p-values of the two-proportion z-test.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { Comparison } from "@/lib/analytics/to-comparison";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { ComparisonChart } from "./comparison-chart";
import type { FilterBreakdown } from "./dashboard-filters";

type Props = { breakdowns: FilterBreakdown[]; comparisons: Comparison[]; threshold: number };

export function GroupComparison({ breakdowns, comparisons, threshold }: Props) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  // Choices show at once and build on each other while the page's new numbers load.
  const [query, setQuery] = useOptimistic(search.toString());
  const current = new URLSearchParams(query);
  const by = current.get("compare_by") ?? "";
  const breakdown = breakdowns.find((b) => b.key === by);
  const label = (code: string | null) => breakdown?.options.find((o) => o.code === code)?.label ?? "";

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
          <select
            className={field}
            value={by}
            onChange={(e) => set({ compare_by: e.target.value, group_a: "", group_b: "" })}
          >
            <option value="">{t("compare.none")}</option>
            {breakdowns.map((b) => (
              <option key={b.key} value={b.key}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        {breakdown &&
          (["group_a", "group_b"] as const).map((key) => (
            <label key={key} className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t(`compare.${key}`)}</span>
              <select className={field} value={current.get(key) ?? ""} onChange={(e) => set({ [key]: e.target.value })}>
                <option value="">–</option>
                {breakdown.options.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
      </div>
      {comparisons.map((c) => (
        <div key={c.level} className="mt-4 overflow-x-auto" data-testid={`compare-${c.level}`}>
          <h3 className="text-sm font-semibold">{t(`levels.${c.level}`)}</h3>
          {c.suppressed ? (
            <p role="status" className="mt-1 text-sm text-amber-900">
              {t("suppressed", { threshold })}
            </p>
          ) : (
            <>
              <ComparisonChart
                comparison={c}
                groupA={label(search.get("group_a"))}
                groupB={label(search.get("group_b"))}
              />
              <table className="mt-1 w-full min-w-[36rem] text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    <th scope="col" className="py-1 pr-2 font-medium">
                      {t("table.item")}
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      {label(search.get("group_a"))} (n = {c.baseA})
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      {label(search.get("group_b"))} (n = {c.baseB})
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      {t("compare.difference")}
                    </th>
                    <th scope="col" className="py-1 text-right font-medium">
                      {t("compare.pHolm")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.factors.map((f) => (
                    <tr key={f.code} className="border-b border-slate-100">
                      <th scope="row" className="py-1 pr-2 font-normal">
                        {f.label}
                      </th>
                      <td className="py-1 pr-2 text-right tabular-nums">
                        {formatPercent(f.a.share)} ({f.a.count})
                      </td>
                      <td className="py-1 pr-2 text-right tabular-nums">
                        {formatPercent(f.b.share)} ({f.b.count})
                      </td>
                      <td className="py-1 pr-2 text-right tabular-nums">{(f.difference * 100).toFixed(1)}</td>
                      <td
                        className={`py-1 text-right tabular-nums ${f.pHolm !== null && f.pHolm < 0.05 ? "font-semibold text-brand-800" : ""}`}
                      >
                        {f.pHolm === null ? "–" : f.pHolm < 0.001 ? "< 0.001" : f.pHolm.toFixed(3)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      ))}
      {comparisons.length > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          {t("compare.note")} {comparisons.some((c) => c.perturbed) && t("perturbedNote")}
        </p>
      )}
    </section>
  );
}
