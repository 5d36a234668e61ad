"use client";
// Delivered and valid responses per day of completion.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { DayRow } from "@/lib/analytics/cell-queries";
import { ChartFigure } from "./chart-figure";

export function DaysChart({ days }: { days: DayRow[] }) {
  const t = useTranslations("dashboard");
  const title = t("composition.days");
  const total = days.reduce((sum, d) => sum + d.valid, 0);
  return (
    <ChartFigure
      id="responses-per-day"
      title={title}
      subtitle={t("base", { n: total })}
      csv={{ header: ["day", "delivered", "valid"], rows: days.map((d) => [d.day, d.delivered, d.valid]) }}
    >
      {days.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noResponses")}</p>
      ) : (
        <div style={{ width: "100%", height: 240 }} role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={days} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barGap={0}>
              <CartesianGrid vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="day" fontSize={11} minTickGap={24} />
              <YAxis fontSize={11} allowDecimals={false} width={40} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="delivered" name={t("composition.dayDelivered")} fill="#cbd5e1" isAnimationActive={false} />
              <Bar dataKey="valid" name={t("composition.dayValid")} fill="#1d4ed8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartFigure>
  );
}
