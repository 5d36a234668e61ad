"use client";
// Responses per day (members) or per month (the public) of completion on a time axis: periods stand
// where they fall in time (a later wave years after the first is drawn far to its right), each bar
// the period's valid responses with those screened out stacked on top, so the bar's height is what
// was delivered then.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { PeriodCount } from "@/lib/analytics/to-composition";
import { ChartFigure, type LegendItem } from "./chart-figure";
import { DAY_MS, dayStartMs, formatTick, timeTicks } from "./time-ticks";

const MARGIN = { top: 4, right: 16, bottom: 4, left: 0 };
const Y_AXIS_WIDTH = 40;
const VALID_COLOUR = "#1d4ed8";
/** Slate 500: 4.8:1 on white, enough for a graphic next to the blue (WCAG 1.4.11 asks 3:1). */
const SCREENED_COLOUR = "#64748b";

/** A period's first and last instants: a day (YYYY-MM-DD) or a month (YYYY-MM). */
function periodSpan(period: string, unit: "day" | "month"): [number, number] {
  if (unit === "day") return [dayStartMs(period), dayStartMs(period) + DAY_MS];
  const [y, m] = period.split("-").map(Number);
  return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
}

type Props = { periods: PeriodCount[]; unit: "day" | "month"; hidden: number; threshold: number };

export function DaysChart({ periods, unit: periodUnit, hidden, threshold }: Props) {
  const t = useTranslations("dashboard");
  const [width, setWidth] = useState(0);
  const title = t(periodUnit === "day" ? "composition.days" : "composition.months");
  const total = periods.reduce((sum, d) => sum + d.valid, 0);
  const data = periods.map((d) => {
    const [start, end] = periodSpan(d.period, periodUnit);
    return { ...d, time: (start + end) / 2, screened: d.delivered - d.valid };
  });
  const from = data.length ? periodSpan(periods[0].period, periodUnit)[0] : 0;
  const to = data.length ? periodSpan(periods[periods.length - 1].period, periodUnit)[1] : 0;
  const { ticks, unit } = timeTicks(from, to, 6);
  // A period's width on the axis, but never thinner than a visible line or wider than a thick bar.
  const periodMs = periodUnit === "day" ? DAY_MS : 30 * DAY_MS;
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH);
  const barSize = Math.min(24, Math.max(2, (plotWidth * periodMs) / Math.max(periodMs, to - from) - 1));
  const legend: LegendItem[] = [
    { label: t("composition.dayValid"), colour: VALID_COLOUR },
    { label: t("composition.dayScreened"), colour: SCREENED_COLOUR },
  ];
  return (
    <ChartFigure
      id="responses-per-day"
      fileKey="days"
      title={title}
      subtitle={t("base", { n: total })}
      legend={data.length ? legend : undefined}
      csv={{ header: [periodUnit, "delivered", "valid"], rows: periods.map((d) => [d.period, d.delivered, d.valid]) }}
      notes={hidden > 0 ? t("composition.hiddenPeriods", { count: hidden, threshold }) : undefined}
    >
      {data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noResponses")}</p>
      ) : (
        <div style={{ width: "100%", height: 240 }} role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
            <BarChart data={data} margin={MARGIN}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis
                dataKey="time"
                type="number"
                scale="time"
                domain={[from, to]}
                ticks={ticks}
                tickFormatter={(ms: number) => formatTick(ms, unit)}
                fontSize={11}
                tick={{ fill: "#334155" }}
              />
              <YAxis fontSize={11} allowDecimals={false} width={Y_AXIS_WIDTH} tick={{ fill: "#334155" }} />
              <Tooltip labelFormatter={(ms) => formatTick(Number(ms), periodUnit)} />
              <Bar
                dataKey="valid"
                stackId="day"
                name={t("composition.dayValid")}
                fill={VALID_COLOUR}
                barSize={barSize}
                isAnimationActive={false}
              />
              <Bar
                dataKey="screened"
                stackId="day"
                name={t("composition.dayScreened")}
                fill={SCREENED_COLOUR}
                barSize={barSize}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFigure>
  );
}
