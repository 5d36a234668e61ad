"use client";
// What a downloaded chart must say about itself, away from the dashboard it came from: the survey,
// the filter in force and the measure, in the image and in its file name.
import { createContext, useContext, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Measure, ResultsFilter } from "@/lib/analytics/dashboard-schema";
import type { FilterBreakdown } from "./dashboard-filters";

export type ChartDownloadInfo = {
  surveyTitle: string;
  /** "Region: Changchun; Size class: Small", or "All valid responses". */
  filterText: string;
  slug: string;
  /** The filter's values (`changchun`, `from-2017-03-01`) for file names. */
  fileTags: string[];
};

const Context = createContext<ChartDownloadInfo | null>(null);

type Props = {
  slug: string;
  surveyTitle: string;
  filter: ResultsFilter | null;
  breakdowns: FilterBreakdown[];
  measure: Measure;
  children: ReactNode;
};

export function ChartDownloadProvider({ slug, surveyTitle, filter, breakdowns, measure, children }: Props) {
  const t = useTranslations("dashboard");
  const chosen = breakdowns.flatMap((b) => {
    const code = filter?.breakdowns[b.key];
    const option = b.options.find((o) => o.code === code);
    return option ? [{ code: option.code, text: `${b.label}: ${option.label}` }] : [];
  });
  const dates = [
    filter?.from && { code: `from-${filter.from}`, text: t("download.from", { date: filter.from }) },
    filter?.to && { code: `to-${filter.to}`, text: t("download.to", { date: filter.to }) },
  ].filter((d): d is { code: string; text: string } => Boolean(d));
  const parts = [...chosen, ...dates];
  const value: ChartDownloadInfo = {
    surveyTitle,
    filterText: parts.length ? parts.map((p) => p.text).join("; ") : t("download.allResponses"),
    slug,
    fileTags: [...parts.map((p) => p.code), ...(measure === "responses" ? ["mentions"] : [])],
  };
  return <Context value={value}>{children}</Context>;
}

export function useChartDownloadInfo(): ChartDownloadInfo {
  const info = useContext(Context);
  if (!info) throw new Error("Charts with downloads are drawn inside a ChartDownloadProvider");
  return info;
}
