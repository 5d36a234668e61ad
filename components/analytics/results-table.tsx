"use client";
// The numbers behind a chart, as a table.
import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/analytics/to-chart-bars";

export type TableRow = {
  label: string;
  share: number;
  count: number;
  ci?: [number, number] | null;
  /** The weighted share and interval, in columns of their own, when the survey is weighted. */
  weighted?: { share: number; ci: [number, number] | null } | null;
};

const interval = (ci: [number, number] | null | undefined) =>
  ci ? `${formatPercent(ci[0])} – ${formatPercent(ci[1])}` : "–";

export function ResultsTable({ rows }: { rows: TableRow[] }) {
  const t = useTranslations("dashboard.table");
  const showCi = rows.some((r) => r.ci);
  const showWeighted = rows.some((r) => r.weighted !== undefined);
  return (
    <table className="w-full min-w-80 text-left text-sm">
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          <th scope="col" className="py-1 pr-2 font-medium">
            {t("item")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            {t("share")}
          </th>
          <th scope="col" className="py-1 pr-2 text-right font-medium">
            {t("count")}
          </th>
          {showCi && (
            <th scope="col" className="py-1 text-right font-medium">
              {t("ci")}
            </th>
          )}
          {showWeighted && (
            <>
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                {t("weightedShare")}
              </th>
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                {t("weightedCi")}
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-2 font-normal">
              {r.label}
            </th>
            <td className="py-1 pr-2 text-right tabular-nums">{formatPercent(r.share)}</td>
            <td className="py-1 pr-2 text-right tabular-nums">{r.count}</td>
            {showCi && <td className="py-1 text-right tabular-nums">{interval(r.ci)}</td>}
            {showWeighted && (
              <>
                <td className="py-1 pl-2 text-right tabular-nums">
                  {r.weighted ? formatPercent(r.weighted.share) : "–"}
                </td>
                <td className="py-1 pl-2 text-right tabular-nums">{interval(r.weighted?.ci)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
