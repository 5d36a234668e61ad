// Rows for the recharts bar charts and their CSV downloads, from shaped results. Pure, browser-safe.
import type { AttentionResult } from "./to-attention-result";
import { spreadsheetCell } from "@/lib/text/spreadsheet-text";
import type { Distribution } from "./to-composition";

export type AttentionBar = {
  code: string;
  label: string;
  share: number;
  count: number;
  /** The bar's own base. */
  n: number;
  /** Distances from the share to the interval's ends, as recharts' ErrorBar wants them. */
  ciError: [number, number] | null;
  ci: [number, number] | null;
  /** "69.0% (156)", with " · n = 148" when the bar's own base differs from the level's. */
  text: string;
  isOption: boolean;
  mean: number | null;
  /** The weighted share beside it, when the survey is weighted (members). */
  weighted: { share: number; ci: [number, number] | null; ciError: [number, number] | null; text: string } | null;
};

export const formatPercent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function toAttentionBars(result: AttentionResult): AttentionBar[] {
  return result.factors.map((f) => ({
    code: f.code,
    label: f.label,
    share: f.share,
    count: f.count,
    n: f.n,
    ci: f.ci,
    ciError: f.ci ? [f.share - f.ci[0], f.ci[1] - f.share] : null,
    text: `${formatPercent(f.share)} (${f.count})${result.measure === "cases" && f.n !== result.base ? ` · n = ${f.n}` : ""}`,
    isOption: f.kind === "option",
    mean: f.mean,
    weighted: f.weighted
      ? {
          share: f.weighted.share,
          ci: f.weighted.ci,
          ciError: f.weighted.ci ? [f.weighted.share - f.weighted.ci[0], f.weighted.ci[1] - f.weighted.share] : null,
          text: formatPercent(f.weighted.share),
        }
      : null,
  }));
}

export type CsvTable = { header: string[]; rows: (string | number)[][] };

export function attentionCsv(result: AttentionResult): CsvTable {
  const weighted = result.weighting !== undefined;
  const weightedColumns = (f: AttentionResult["factors"][number]) =>
    !weighted
      ? []
      : f.weighted
        ? [
            round(f.weighted.share),
            f.weighted.ci ? round(f.weighted.ci[0]) : "",
            f.weighted.ci ? round(f.weighted.ci[1]) : "",
            round(f.weighted.base),
            round(f.weighted.effectiveN),
          ]
        : ["", "", "", "", ""];
  return {
    header: [
      "level",
      "code",
      "label",
      "count",
      "base",
      "share",
      "ci_low",
      "ci_high",
      "mean",
      "measure",
      ...(weighted ? ["weighted_share", "weighted_ci_low", "weighted_ci_high", "weighted_base", "effective_n"] : []),
    ],
    rows: result.factors.map((f) => [
      result.level,
      f.code,
      f.label,
      f.count,
      (result.measure === "cases" ? f.n : result.mentions) ?? "",
      round(f.share),
      f.ci ? round(f.ci[0]) : "",
      f.ci ? round(f.ci[1]) : "",
      f.mean === null ? "" : round(f.mean),
      result.measure,
      ...weightedColumns(f),
    ]),
  };
}

export function distributionCsv(d: Distribution): CsvTable {
  return {
    header: [d.key, "label", "count", "base", "share"],
    rows: d.bars.map((b) => [b.code, b.label, b.count, d.base, round(b.share)]),
  };
}

export const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * RFC 4180 text with a byte-order mark, so spreadsheet programs read Chinese labels correctly.
 * Labels are researchers' text: neutralised against formulas like every CSV the app writes.
 */
export function toCsvText({ header, rows }: CsvTable): string {
  const cell = (v: string | number) => {
    const s = String(spreadsheetCell(v));
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return "\uFEFF" + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
