"use client";
// Delivered, valid and screened-out responses and the validity rate (226 / 250 = 90.4 % in the demo).
import { useFormatter, useTranslations } from "next-intl";
import type { Composition } from "@/lib/analytics/to-composition";

export function SampleCounts({ totals }: { totals: NonNullable<Composition["totals"]> }) {
  const t = useTranslations("dashboard.counts");
  const format = useFormatter();
  const items = [
    ["delivered", format.number(totals.delivered)],
    ["valid", format.number(totals.valid)],
    ["screened", format.number(totals.screened)],
    [
      "validityRate",
      totals.validityRate === null
        ? "–"
        : format.number(totals.validityRate, { style: "percent", maximumFractionDigits: 1 }),
    ],
  ] as const;
  return (
    <section aria-labelledby="sample-title">
      <h2 id="sample-title" className="sr-only">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {items.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{t(key)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`count-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
