"use client";
// Filters on every breakdown and on the completion date, and the measure toggle. The URL holds
// the whole view, so a filtered dashboard can be bookmarked and shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";

/** Query parameters that choose how to show the data, not which responses: kept by "Clear filters". */
const VIEW_SETTINGS = ["measure", "compare_by", "group_a", "group_b"];

export type FilterBreakdown = { key: string; label: string; options: { code: string; label: string }[] };

export function DashboardFilters({ breakdowns }: { breakdowns: FilterBreakdown[] }) {
  const t = useTranslations("dashboard.filters");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The controls show the choice at once, while the page's new numbers load.
  const [query, setQuery] = useOptimistic(search.toString());
  const current = new URLSearchParams(query);

  const go = (next: URLSearchParams) => {
    const text = next.toString();
    startTransition(() => {
      setQuery(text);
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    });
  };
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value && !(key === "measure" && value === "cases")) next.set(key, value);
    else next.delete(key);
    go(next);
  };
  const isViewSetting = (key: string) => VIEW_SETTINGS.includes(key);
  const active = [...current.keys()].filter((k) => !isViewSetting(k)).length;
  const field = "min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";
  const measure = current.get("measure") === "responses" ? "responses" : "cases";

  return (
    <section
      aria-labelledby="filters-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-busy={pending}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="filters-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        {active > 0 && (
          <div className="flex items-center gap-3 text-sm">
            <span className="text-slate-600">{t("active", { count: active })}</span>
            <button
              type="button"
              className="min-h-9 rounded px-2 text-brand-800 underline"
              onClick={() => go(new URLSearchParams([...current].filter(([key]) => isViewSetting(key))))}
            >
              {t("clear")}
            </button>
          </div>
        )}
      </div>
      <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {breakdowns.map((b) => (
          <label key={b.key} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{b.label}</span>
            <select className={field} value={current.get(b.key) ?? ""} onChange={(e) => set(b.key, e.target.value)}>
              <option value="">{t("all")}</option>
              {b.options.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {(["from", "to"] as const).map((key) => (
          <label key={key} className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t(key)}</span>
            <input
              type="date"
              className={field}
              value={current.get(key) ?? ""}
              onChange={(e) => set(key, e.target.value)}
            />
          </label>
        ))}
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-700">{t("measure")}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(["cases", "responses"] as const).map((m) => (
            <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="measure" value={m} checked={measure === m} onChange={() => set("measure", m)} />
              {t(m)}
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
