// Rows for the grouped bar chart of a comparison (one row per factor, one bar per group or survey,
// each with its interval as a whisker), and the test as the table prints it. Pure, browser-safe.
import { formatPercent, round, type CsvTable } from "./to-chart-bars";
import { SIGNIFICANCE } from "./to-comparison";
import type { FactorAcrossGroups } from "./to-groups-comparison";

export const isSignificant = (f: Pick<FactorAcrossGroups, "pHolm">) => f.pHolm !== null && f.pHolm < SIGNIFICANCE;

/**
 * Per factor, for group i: `share<i>` (null where the group does not show it), `error<i>` (the
 * distances to the interval's ends, as recharts' ErrorBar wants them), `end<i>` (where the
 * whisker ends, for the label) and `text<i>` ("61.0%"). A significant factor's label is starred.
 */
export function toComparisonBars(factors: FactorAcrossGroups[]) {
  return factors.map((f) => {
    const row: Record<string, string | number | [number, number] | null> = {
      code: f.code,
      label: isSignificant(f) ? `${f.label} *` : f.label,
    };
    f.shares.forEach((s, i) => {
      row[`share${i}`] = s ? s.share : null;
      row[`error${i}`] = s?.ci ? [s.share - s.ci[0], s.ci[1] - s.share] : null;
      row[`end${i}`] = s ? (s.ci?.[1] ?? s.share) : 0;
      row[`text${i}`] = s ? formatPercent(s.share) : "";
    });
    return row;
  });
}

/** "z = 2.00" or "χ²(2) = 11.38", null when untested. */
export function formatTest(f: Pick<FactorAcrossGroups, "test" | "statistic" | "df">): string | null {
  if (f.test === null || f.statistic === null) return null;
  return f.test === "z" ? `z = ${f.statistic.toFixed(2)}` : `χ²(${f.df}) = ${f.statistic.toFixed(2)}`;
}

/** A p-value as the findings print it. */
export const formatP = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));

/**
 * A comparison's numbers for its CSV download: one row per factor and group (the group's code and
 * label, count, base, share and interval), with the factor's test and Holm-adjusted p.
 */
export function comparisonCsv(
  level: string,
  groups: { code: string; label: string }[],
  factors: FactorAcrossGroups[],
): CsvTable {
  return {
    header: [
      "level",
      "code",
      "label",
      "group",
      "group_label",
      "count",
      "base",
      "share",
      "ci_low",
      "ci_high",
      "test",
      "statistic",
      "p",
      "p_holm",
    ],
    rows: factors.flatMap((f) =>
      groups.map((g, i) => {
        const s = f.shares[i];
        return [
          level,
          f.code,
          f.label,
          g.code,
          g.label,
          s ? s.count : "",
          s ? s.n : "",
          s ? round(s.share) : "",
          s?.ci ? round(s.ci[0]) : "",
          s?.ci ? round(s.ci[1]) : "",
          f.test ?? "",
          f.statistic === null ? "" : round(f.statistic),
          f.p === null ? "" : round(f.p),
          f.pHolm === null ? "" : round(f.pHolm),
        ];
      }),
    ),
  };
}
