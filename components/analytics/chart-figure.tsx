"use client";
// A chart with its title, base and notes, downloads (PNG and SVG drawings that carry the survey,
// filter, base, date and notes; CSV of its numbers) and the same numbers as a table for screen
// readers and small screens.
import { useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toCsvText, type CsvTable } from "@/lib/analytics/to-chart-bars";
import { useChartDownloadInfo } from "./chart-download-context";
import { chartSvg, svgToPng, type LegendItem } from "./chart-image";

export type { LegendItem };

type Props = {
  id: string;
  /** What the chart shows, in its file names: `macro`, `region`, `days`. */
  fileKey: string;
  title: string;
  subtitle?: ReactNode;
  notes?: ReactNode;
  legend?: LegendItem[];
  csv: CsvTable | null;
  table?: ReactNode;
  children: ReactNode;
};

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);

export function ChartFigure({ id, fileKey, title, subtitle, notes, legend, csv, table, children }: Props) {
  const t = useTranslations("dashboard");
  const info = useChartDownloadInfo();
  const figure = useRef<HTMLDivElement>(null);
  const fileName = (date: string, extension: string) =>
    `${[info.slug, fileKey, ...info.fileTags, date].join("_")}.${extension}`;
  const image = async (format: "png" | "svg") => {
    const node = figure.current;
    if (!node) return;
    const date = today();
    const text = (selector: string) => node.querySelector(selector)?.textContent?.trim() ?? "";
    const { svg, width, height } = chartSvg({
      headings: [info.surveyTitle, title],
      details: [[info.filterText, text(`#${id}-base`)].filter(Boolean).join(" · "), t("download.asOf", { date })],
      chart: node.querySelector<SVGSVGElement>("svg.recharts-surface"),
      legend: legend ?? [],
      notes: text("figcaption"),
    });
    save(
      format === "svg" ? new Blob([svg], { type: "image/svg+xml" }) : await svgToPng(svg, width, height),
      fileName(date, format),
    );
  };
  const downloadCsv = () => {
    if (csv) save(new Blob([toCsvText(csv)], { type: "text/csv;charset=utf-8" }), fileName(today(), "csv"));
  };
  const button =
    "min-h-9 rounded border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50";
  return (
    <figure
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <div ref={figure} className="bg-white">
        <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        {subtitle && (
          <p id={`${id}-base`} className="mt-1 text-sm font-medium text-slate-700" data-testid={`${id}-base`}>
            {subtitle}
          </p>
        )}
        <div className="mt-3">{children}</div>
        {legend && (
          <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" data-testid={`${id}-legend`}>
            {legend.map((item) => (
              <li key={item.label} className="flex items-center gap-1.5">
                <span aria-hidden="true" className="size-2.5" style={{ backgroundColor: item.colour }} />
                {item.label}
              </li>
            ))}
          </ul>
        )}
        {notes && <figcaption className="mt-2 text-xs text-slate-600">{notes}</figcaption>}
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {csv && (
          <>
            {(["png", "svg"] as const).map((format) => (
              <button
                key={format}
                type="button"
                className={button}
                onClick={() => void image(format)}
                aria-label={t("download.label", { chart: title, format: format.toUpperCase() })}
              >
                {t(`download.${format}`)}
              </button>
            ))}
            <button
              type="button"
              className={button}
              onClick={downloadCsv}
              aria-label={t("download.label", { chart: title, format: "CSV" })}
            >
              {t("download.csv")}
            </button>
          </>
        )}
        {table && (
          <details className="w-full text-sm">
            <summary className="cursor-pointer text-brand-800">{t("table.show")}</summary>
            <div className="mt-2 overflow-x-auto">{table}</div>
          </details>
        )}
      </div>
    </figure>
  );
}
