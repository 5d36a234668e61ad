"use client";
// The numbers behind a comparison chart: per factor, each group's (or survey's) share, count and
// n with its interval, the test and its Holm-adjusted p-value.
import { useTranslations } from "next-intl";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { formatP, formatTest, isSignificant } from "@/lib/analytics/to-comparison-bars";
import type { FactorAcrossGroups } from "@/lib/analytics/to-groups-comparison";

type Props = { groups: { code: string; label: string; base: number | null }[]; factors: FactorAcrossGroups[] };

export function ComparisonTable({ groups, factors }: Props) {
  const t = useTranslations("dashboard.compare");
  const doubtful = factors.some((f) => f.smallExpected);
  const weighted = factors.some((f) => f.weighted);
  return (
    <>
      <table className="mt-1 w-full min-w-[36rem] text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">
              {t("factor")}
            </th>
            {groups.map((g) => (
              <th key={g.code} scope="col" className="py-1 pr-2 text-right font-medium">
                {g.label} {g.base !== null && `(n = ${g.base})`}
              </th>
            ))}
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              {t("test")}
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              {t("pHolm")}
            </th>
            {weighted && (
              <th scope="col" className="py-1 pl-2 text-right font-medium">
                {t("weightedPHolm")}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {factors.map((f) => (
            <tr key={f.code} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1 pr-2 font-normal">
                {f.label}
              </th>
              {f.shares.map((s, i) => (
                <td key={groups[i].code} className="py-1 pr-2 text-right tabular-nums">
                  {s ? (
                    <>
                      {formatPercent(s.share)} ({s.count}/{s.n})
                      {s.ci && (
                        <span className="block text-xs text-slate-600">
                          {formatPercent(s.ci[0])} – {formatPercent(s.ci[1])}
                        </span>
                      )}
                    </>
                  ) : (
                    "–"
                  )}
                </td>
              ))}
              <td className="py-1 pr-2 text-right tabular-nums">
                {formatTest(f) ?? "–"}
                {f.smallExpected && " †"}
              </td>
              <td className={`py-1 text-right tabular-nums ${isSignificant(f) ? "font-semibold text-brand-800" : ""}`}>
                {f.pHolm === null ? "–" : formatP(f.pHolm)}
              </td>
              {weighted && (
                <td className="py-1 pl-2 text-right tabular-nums">
                  {f.weighted?.shares.map((s, i) => (
                    <span key={groups[i].code} className="block text-xs text-slate-600">
                      {groups[i].label}: {s ? `${formatPercent(s.share)} (n_eff ${s.effectiveN.toFixed(1)})` : "–"}
                    </span>
                  ))}
                  {f.weighted?.pHolm == null ? "–" : formatP(f.weighted.pHolm)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {doubtful && <p className="mt-1 text-xs text-slate-600">{t("smallExpected")}</p>}
      {weighted && <p className="mt-1 text-xs text-slate-600">{t("weightedNote")}</p>}
    </>
  );
}
