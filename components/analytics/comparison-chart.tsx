"use client";
// Two groups' shares side by side for each factor of a level (grouped horizontal bars), with a
// star on the factors whose difference is significant after Holm's adjustment, and the
// significant differences stated in words underneath.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import { significantDifferences, SIGNIFICANCE, type Comparison } from "@/lib/analytics/to-comparison";
import { formatPercent } from "@/lib/analytics/to-chart-bars";
import { useNarrowScreen } from "./use-narrow-screen";
import { rowHeight, wrappedTick } from "./wrap-label";

const COLOURS = { a: "#1d4ed8", b: "#b45309" };

type Props = { comparison: Comparison; groupA: string; groupB: string };

const formatP = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));

export function ComparisonChart({ comparison, groupA, groupB }: Props) {
  const t = useTranslations("dashboard");
  const narrow = useNarrowScreen();
  const data = comparison.factors.map((f) => ({
    label: f.pHolm !== null && f.pHolm < SIGNIFICANCE ? `${f.label} *` : f.label,
    a: f.a.share,
    b: f.b.share,
    aText: formatPercent(f.a.share),
    bText: formatPercent(f.b.share),
  }));
  const axisWidth = narrow ? 104 : 200;
  const row = rowHeight(
    data.map((d) => d.label),
    axisWidth - 12,
    11,
    44,
  );
  const findings = significantDifferences(comparison);
  const title = t("compare.chart", { level: t(`levels.${comparison.level}`) });
  return (
    <div className="mt-2">
      <div
        style={{ width: "100%", height: data.length * row + 60 }}
        role="img"
        aria-label={`${title}: ${comparison.factors
          .map((f) => `${f.label} ${formatPercent(f.a.share)} / ${formatPercent(f.b.share)}`)
          .join("; ")}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} barGap={1}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => formatPercent(v)} fontSize={11} />
            <YAxis
              type="category"
              dataKey="label"
              width={axisWidth}
              interval={0}
              tick={wrappedTick(axisWidth - 12, 11)}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="a" name={groupA} fill={COLOURS.a} isAnimationActive={false}>
              <LabelList dataKey="aText" position="right" fontSize={11} fill="#0f172a" />
            </Bar>
            <Bar dataKey="b" name={groupB} fill={COLOURS.b} isAnimationActive={false}>
              <LabelList dataKey="bText" position="right" fontSize={11} fill="#0f172a" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-1 space-y-1 text-sm" data-testid={`findings-${comparison.level}`}>
        {findings.length === 0 ? (
          <li>{t("compare.noFinding")}</li>
        ) : (
          findings.map((f) => (
            <li key={f.code}>
              {t("compare.finding", {
                more: f.more === "a" ? groupA : groupB,
                less: f.more === "a" ? groupB : groupA,
                factor: f.label,
                moreShare: formatPercent(f.more === "a" ? f.a.share : f.b.share),
                lessShare: formatPercent(f.more === "a" ? f.b.share : f.a.share),
                p: formatP(f.pHolm!),
              })}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
