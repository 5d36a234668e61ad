"use client";
// The sample's distribution over one breakdown (paper Fig. 2: regions, Fig. 3: industries).
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { Distribution } from "@/lib/analytics/to-composition";
import { distributionCsv, formatPercent } from "@/lib/analytics/to-chart-bars";
import { ChartFigure } from "./chart-figure";
import { ResultsTable } from "./results-table";
import { useNarrowScreen } from "./use-narrow-screen";
import { rowHeight, wrappedTick } from "./wrap-label";

const ROW_HEIGHT = 26;

type Props = { distribution: Distribution; threshold: number; perturbed: boolean };

export function DistributionChart({ distribution, threshold, perturbed }: Props) {
  const t = useTranslations("dashboard");
  const narrow = useNarrowScreen();
  const name = distribution.label ?? t(`breakdowns.${distribution.key}` as "breakdowns.region");
  const title = t("composition.distribution", { name });
  const data = distribution.bars.map((b) => ({ ...b, text: `${formatPercent(b.share)} (${b.count})` }));
  const axisWidth = narrow ? 104 : 160;
  const labelWidth = axisWidth - 12;
  const row = rowHeight(
    data.map((d) => d.label),
    labelWidth,
    11,
    ROW_HEIGHT,
  );
  return (
    <ChartFigure
      id={`distribution-${distribution.key}`}
      fileKey={distribution.key}
      title={title}
      subtitle={t("base", { n: distribution.base })}
      csv={distributionCsv(distribution)}
      notes={
        perturbed || distribution.hiddenBars.length > 0 ? (
          <>
            {perturbed && t("perturbedNote")}{" "}
            {distribution.hiddenBars.length > 0 &&
              t("hiddenBars", { threshold, values: distribution.hiddenBars.map((b) => b.label).join(", ") })}
          </>
        ) : undefined
      }
      table={<ResultsTable rows={data.map((d) => ({ label: d.label, share: d.share, count: d.count }))} />}
    >
      {data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noResponses")}</p>
      ) : (
        <div
          style={{ width: "100%", height: data.length * row + 40 }}
          role="img"
          aria-label={`${title}: ${data.map((d) => `${d.label} ${d.text}`).join("; ")}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 4, right: narrow ? 76 : 90, bottom: 4, left: 4 }}
              barCategoryGap={4}
            >
              <CartesianGrid horizontal={false} stroke="#e2e8f0" />
              <XAxis type="number" fontSize={11} allowDecimals={false} />
              <YAxis
                type="category"
                dataKey="label"
                width={axisWidth}
                interval={0}
                tick={wrappedTick(labelWidth, 11)}
              />
              <Bar dataKey="count" fill="#0f766e" isAnimationActive={false}>
                <LabelList dataKey="text" position="right" fontSize={11} fill="#0f172a" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFigure>
  );
}
