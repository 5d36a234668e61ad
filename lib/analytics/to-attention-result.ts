// Shapes a level's summed result cells into the attention chart of DESIGN.md §4: shares of cases
// over each factor's own base (the valid responses that answered its item substantively), or of
// responses, Wilson intervals, means for scales, sorted from most to least, with small bases hidden
// from the public. Pure; the SQL is in cell-queries.ts, the items in metric-map.ts.
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { Measure } from "./dashboard-schema";
import { type ItemKind, type LevelItem } from "./metric-map";
import { wilsonInterval, type Interval } from "./statistics";

export type MetricRow = { metric: string; responses: number; mentions: number; valueSum: number; valueCount: number };

export type AttentionFactor = {
  code: string;
  label: string;
  kind: ItemKind;
  /** Firms flagging it (percent of cases) or its mentions (percent of responses). */
  count: number;
  /** Its own base: valid responses in the filter that answered its item substantively. */
  n: number;
  share: number;
  /** 95 % Wilson interval of the share of cases; null for percent of responses or an empty base. */
  ci: Interval | null;
  /** Mean rating, for factors asked on a scale. */
  mean: number | null;
  topN?: number;
  threshold?: number;
};

export type AttentionResult = {
  level: FactorLevel;
  measure: Measure;
  /** Valid responses in the filter that answered the level; null when hidden. */
  base: number | null;
  /** All mentions in the base (the denominator of percent of responses); null when hidden. */
  mentions: number | null;
  factors: AttentionFactor[];
  /** Factors whose own base is under the threshold, left out for the public (codes and labels). */
  hiddenFactors: { code: string; label: string }[];
  /** True when the base is under the survey's small-cell threshold and the viewer is the public. */
  suppressed: boolean;
  /** True when the base is under the threshold (members see it, marked). */
  smallBase: boolean;
  threshold: number;
};

export type ToAttentionOptions = {
  level: FactorLevel;
  items: LevelItem[];
  rows: MetricRow[];
  measure: Measure;
  locale: Locale;
  threshold: number;
  /** Public viewers never see a share whose base is under the threshold. */
  enforceThreshold: boolean;
};

export function toAttentionResult({
  level,
  items,
  rows,
  measure,
  locale,
  threshold,
  enforceThreshold,
}: ToAttentionOptions): AttentionResult {
  const byMetric = new Map(rows.map((r) => [r.metric, r]));
  const base = byMetric.get("base")?.responses ?? 0;
  const mentions = items.reduce((sum, item) => sum + (byMetric.get(item.metric)?.mentions ?? 0), 0);
  const smallBase = base < threshold;
  if (enforceThreshold && smallBase)
    return {
      level,
      measure,
      base: null,
      mentions: null,
      factors: [],
      hiddenFactors: [],
      suppressed: true,
      smallBase,
      threshold,
    };

  const all = items.map((item): AttentionFactor => {
    const row = byMetric.get(item.metric);
    const n = byMetric.get(item.baseMetric)?.responses ?? 0;
    const count = measure === "cases" ? (row?.responses ?? 0) : (row?.mentions ?? 0);
    const denominator = measure === "cases" ? n : mentions;
    const share = denominator > 0 ? count / denominator : 0;
    return {
      code: item.code,
      label: localizedText(item.label, locale),
      kind: item.kind,
      count,
      n,
      share,
      ci: measure === "cases" ? wilsonInterval(share, n) : null,
      mean: row && row.valueCount > 0 ? row.valueSum / row.valueCount : null,
      ...(item.topN !== undefined && { topN: item.topN }),
      ...(item.threshold !== undefined && { threshold: item.threshold }),
    };
  });
  // A factor's own base can be smaller than the level's: the public never sees a share under the threshold.
  const hidden = (f: AttentionFactor) => enforceThreshold && f.n < threshold;
  const factors = all.filter((f) => !hidden(f));
  // Factors from most to least; "none of these" and other unmapped options after them.
  const order = (f: AttentionFactor) => (f.kind === "option" ? 1 : 0);
  factors.sort((a, b) => order(a) - order(b) || b.share - a.share || a.code.localeCompare(b.code));
  const hiddenFactors = all.filter(hidden).map((f) => ({ code: f.code, label: f.label }));
  return { level, measure, base, mentions, factors, hiddenFactors, suppressed: false, smallBase, threshold };
}
