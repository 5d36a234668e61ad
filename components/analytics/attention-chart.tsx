"use client";
// Horizontal bars of attention shares, most to least, each labelled "69.0% (156)", with its 95 %
// Wilson interval as a whisker. recharts renders in the browser inside a sized wrapper.
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import { attentionCsv, formatPercent, toAttentionBars, type AttentionBar } from "@/lib/analytics/to-chart-bars";
import { ChartFigure } from "./chart-figure";
import { ResultsTable } from "./results-table";
import { useNarrowScreen } from "./use-narrow-screen";
import { rowHeight, wrappedTick } from "./wrap-label";

const ROW_HEIGHT = 34;

type LabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  index?: number;
};

export function AttentionChart({ result }: { result: AttentionResult }) {
  const t = useTranslations("dashboard");
  const narrow = useNarrowScreen();
  const bars = toAttentionBars(result);
  const axisWidth = narrow ? 104 : 200;
  const axisFont = narrow ? 10 : 11;
  // The tick's margin and a little air sit between the label and the bars.
  const labelWidth = axisWidth - 12;
  const row = rowHeight(
    bars.map((b) => b.label),
    labelWidth,
    axisFont,
    ROW_HEIGHT,
  );
  const title = t(`levels.${result.level}`);
  const id = `attention-${result.level}`;
  const cases = result.measure === "cases";
  const subtitle = result.suppressed
    ? null
    : cases
      ? t("base", { n: result.base ?? 0 })
      : t("mentionsBase", { n: result.base ?? 0, mentions: result.mentions ?? 0 });
  const scale = result.factors.find((f) => f.threshold !== undefined);
  const rank = result.factors.find((f) => f.topN !== undefined);
  const notes = result.suppressed ? null : (
    <>
      {cases ? t("ciNote") : t("responsesNote")} {scale && t("scaleNote", { threshold: scale.threshold! })}{" "}
      {rank && t("rankNote", { n: rank.topN! })}
      {result.smallBase && (
        <span className="mt-1 block font-medium text-amber-800" data-testid={`${id}-small-base`}>
          {t("smallBase", { threshold: result.threshold })}
        </span>
      )}
      {result.factors.some((f) => cases && f.n !== result.base) && (
        <span className="mt-1 block">{t("ownBaseNote", { n: result.base ?? 0 })}</span>
      )}
      {result.perturbed && (
        <span className="mt-1 block" data-testid={`${id}-perturbed`}>
          {t("perturbedNote")} {scale && t("meansMembersOnly")}
        </span>
      )}
      {result.weighting && (
        <span className="mt-1 block" data-testid={`${id}-weighting`}>
          {t("weighting.note", {
            method: t(`weighting.${result.weighting.method}`),
            base: Math.round(result.weighting.base),
            effectiveBase: result.weighting.effectiveBase.toFixed(1),
            deff: result.weighting.designEffect?.toFixed(2) ?? "–",
          })}{" "}
          {result.weighting.stale && t("weighting.stale", { count: result.weighting.unweighted })}
        </span>
      )}
      {result.hiddenFactors.length > 0 && (
        <span className="mt-1 block" data-testid={`${id}-hidden-factors`}>
          {t("hiddenFactors", {
            threshold: result.threshold,
            factors: result.hiddenFactors.map((f) => f.label).join(", "),
          })}
        </span>
      )}
    </>
  );
  // The label sits just past the whisker's end so the two never overlap.
  const label = ({ x, y, width, height, index }: LabelProps) => {
    const bar = bars[index ?? 0];
    const left = Number(x),
      w = Number(width),
      top = Number(y),
      h = Number(height);
    const unit = bar.share > 0 ? w / bar.share : 0;
    const end = left + (bar.ci && unit ? bar.ci[1] * unit : w);
    const mean = bar.mean === null ? "" : ` · ${t("mean", { mean: bar.mean.toFixed(2) })}`;
    return (
      <text x={end + 6} y={top + h / 2} dominantBaseline="central" fontSize={narrow ? 10 : 12} fill="#0f172a">
        {bar.text}
        {mean}
      </text>
    );
  };
  const weighted = Boolean(result.weighting);
  const data = bars.map((b) => ({
    ...b,
    weightedShare: b.weighted?.share ?? 0,
    weightedCiError: b.weighted?.ciError ?? null,
    weightedText: b.weighted ? `${t("weighting.weighted")} ${b.weighted.text}` : "",
  }));
  const weightedLabel = ({ x, y, width, height, index }: LabelProps) => {
    const bar = bars[index ?? 0];
    if (!bar.weighted) return null;
    const left = Number(x),
      w = Number(width),
      top = Number(y),
      h = Number(height);
    const unit = bar.weighted.share > 0 ? w / bar.weighted.share : 0;
    const end = left + (bar.weighted.ci && unit ? bar.weighted.ci[1] * unit : w);
    return (
      <text x={end + 6} y={top + h / 2} dominantBaseline="central" fontSize={narrow ? 9 : 11} fill="#78350f">
        {t("weighting.weighted")} {bar.weighted.text}
      </text>
    );
  };
  return (
    <ChartFigure
      id={id}
      fileKey={result.level}
      title={title}
      subtitle={subtitle}
      notes={notes}
      legend={
        weighted
          ? [
              { label: t("weighting.unweighted"), colour: "#1d4ed8" },
              { label: t("weighting.weighted"), colour: "#b45309" },
            ]
          : undefined
      }
      csv={result.suppressed ? null : attentionCsv(result)}
      table={
        result.suppressed ? null : (
          <ResultsTable
            rows={bars.map((b) => ({
              label: b.label,
              share: b.share,
              count: b.count,
              ci: b.ci,
              ...(result.weighting && { weighted: b.weighted }),
            }))}
          />
        )
      }
    >
      {result.suppressed ? (
        <p
          role="status"
          className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid={`${id}-suppressed`}
        >
          {t("suppressed", { threshold: result.threshold })}
        </p>
      ) : (
        <div
          style={{ width: "100%", height: bars.length * row * (weighted ? 1.6 : 1) + 40 }}
          role="img"
          aria-label={`${title}. ${subtitle}. ${bars
            .map((b) => `${b.label}: ${b.text}${b.weighted ? `, ${t("weighting.weighted")} ${b.weighted.text}` : ""}`)
            .join("; ")}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 4, right: narrow ? 84 : 120, bottom: 4, left: 4 }}
              barCategoryGap={6}
            >
              <CartesianGrid horizontal={false} stroke="#e2e8f0" />
              <XAxis
                type="number"
                domain={[0, 1]}
                tickFormatter={(v: number) => formatPercent(v).replace(".0", "")}
                fontSize={11}
              />
              <YAxis
                type="category"
                dataKey="label"
                width={axisWidth}
                interval={0}
                tick={wrappedTick(labelWidth, axisFont)}
              />
              <Bar dataKey="share" isAnimationActive={false}>
                {bars.map((b: AttentionBar) => (
                  <Cell key={b.code} fill={b.isOption ? "#94a3b8" : "#1d4ed8"} />
                ))}
                {cases && (
                  // Drawn at once with the bars: an animated whisker starts from a wrong position.
                  <ErrorBar
                    dataKey="ciError"
                    direction="x"
                    width={6}
                    strokeWidth={1.5}
                    stroke="#0f172a"
                    isAnimationActive={false}
                  />
                )}
                <LabelList dataKey="text" content={label} />
              </Bar>
              {weighted && (
                // The weighted share as a second bar (amber) under each factor's bar.
                <Bar dataKey="weightedShare" isAnimationActive={false} fill="#b45309" name={t("weighting.weighted")}>
                  {cases && (
                    <ErrorBar
                      dataKey="weightedCiError"
                      direction="x"
                      width={4}
                      strokeWidth={1}
                      stroke="#451a03"
                      isAnimationActive={false}
                    />
                  )}
                  <LabelList dataKey="weightedText" content={weightedLabel} />
                </Bar>
              )}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFigure>
  );
}
