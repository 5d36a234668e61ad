"use client";
// A chart with its title, base and notes, downloads (PNG and SVG of the whole figure, CSV of its
// numbers) and the same numbers as a table for screen readers and small screens.
import { useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toCsvText, type CsvTable } from "@/lib/analytics/to-chart-bars";
import { spreadsheetCell, spreadsheetText } from "@/lib/text/spreadsheet-text";

type Props = {
  id: string;
  title: string;
  subtitle?: ReactNode;
  notes?: ReactNode;
  csv: CsvTable | null;
  table?: ReactNode;
  children: ReactNode;
};

function save(href: string, filename: string) {
  const link = document.createElement("a");
  link.href = href;
  link.download = filename;
  link.click();
}

/** Factor and breakdown labels are researchers' text: neutralised like every CSV the app writes. */
const spreadsheetSafe = ({ header, rows }: CsvTable): CsvTable => ({
  header: header.map(spreadsheetText),
  rows: rows.map((row) => row.map(spreadsheetCell)),
});

export function ChartFigure({ id, title, subtitle, notes, csv, table, children }: Props) {
  const t = useTranslations("dashboard");
  const figure = useRef<HTMLDivElement>(null);
  // html-to-image inlines the computed styles and fonts, so the file looks like the page.
  const image = async (format: "png" | "svg") => {
    if (!figure.current) return;
    const { toPng, toSvg } = await import("html-to-image"); // loaded on first download only
    const options = { backgroundColor: "#ffffff", pixelRatio: 2 };
    save(
      format === "png" ? await toPng(figure.current, options) : await toSvg(figure.current, options),
      `${id}.${format}`,
    );
  };
  const downloadCsv = () => {
    if (!csv) return;
    const url = URL.createObjectURL(new Blob([toCsvText(spreadsheetSafe(csv))], { type: "text/csv;charset=utf-8" }));
    save(url, `${id}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
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
          <p className="mt-1 text-sm font-medium text-slate-700" data-testid={`${id}-base`}>
            {subtitle}
          </p>
        )}
        <div className="mt-3">{children}</div>
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
