"use client";
// Responses per day of completion on a time axis: days stand where they fall in time (a later wave
// years after the first is drawn far to its right), each bar the day's valid responses with those
// screened out stacked on top, so the bar's height is what was delivered that day.
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { DayRow } from "@/lib/analytics/cell-queries";
import { ChartFigure, type LegendItem } from "./chart-figure";
import { DAY_MS, dayStartMs, formatTick, timeTicks } from "./time-ticks";

const MARGIN = { top: 4, right: 16, bottom: 4, left: 0 };
const Y_AXIS_WIDTH = 40;
const VALID_COLOUR = "#1d4ed8";
/** Slate 500: 4.8:1 on white, enough for a graphic next to the blue (WCAG 1.4.11 asks 3:1). */
const SCREENED_COLOUR = "#64748b";

export function DaysChart({ days }: { days: DayRow[] }) {
  const t = useTranslations("dashboard");
  const [width, setWidth] = useState(0);
  const title = t("composition.days");
  const total = days.reduce((sum, d) => sum + d.valid, 0);
  const data = days.map((d) => ({
    ...d,
    time: dayStartMs(d.day) + DAY_MS / 2,
    screened: d.delivered - d.valid,
  }));
  const from = data.length ? dayStartMs(days[0].day) : 0;
  const to = data.length ? dayStartMs(days[days.length - 1].day) + DAY_MS : 0;
  const { ticks, unit } = timeTicks(from, to, 6);
  // A day's width on the axis, but never thinner than a visible line or wider than a thick bar.
  const plotWidth = Math.max(0, width - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH);
  const barSize = Math.min(24, Math.max(2, (plotWidth * DAY_MS) / Math.max(DAY_MS, to - from) - 1));
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
      csv={{ header: ["day", "delivered", "valid"], rows: days.map((d) => [d.day, d.delivered, d.valid]) }}
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
              <Tooltip labelFormatter={(ms) => formatTick(Number(ms), "day")} />
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
