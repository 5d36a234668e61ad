// Shapes a level's summed result cells into the attention chart of DESIGN.md §4: shares of cases
// over each factor's own base (the valid responses that answered its item substantively), or of
// responses, Wilson intervals, means for scales, sorted from most to least. The public sees the
// counts the survey's disclosure rules publish (disclosure.ts): small bases hidden, and with the
// cell key method every count perturbed, shares and intervals computed from the perturbed counts.
// Pure; the SQL is in cell-queries.ts, the items in metric-map.ts.
import type { FactorLevel, Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { Measure } from "./dashboard-schema";
import type { z } from "zod";
import { sizeOfRow, type Publication } from "./disclosure";
import type { AttentionResultSchema } from "./results-api-schemas";
import type { LevelItem } from "./metric-map";
import { wilsonInterval } from "./statistics";

export type MetricRow = {
  metric: string;
  responses: number;
  mentions: number;
  valueSum: number;
  valueCount: number;
  /** Sums of the counted responses' record keys (each times its mentions for mentionKeySum). */
  keySum: number;
  mentionKeySum: number;
};

export type AttentionResult = z.infer<typeof AttentionResultSchema>;
export type AttentionFactor = AttentionResult["factors"][number];

export type ToAttentionOptions = {
  level: FactorLevel;
  items: LevelItem[];
  rows: MetricRow[];
  measure: Measure;
  locale: Locale;
  /** How counts reach this viewer: exact, or by the survey's disclosure rules. */
  publication: Publication;
};

export function toAttentionResult({
  level,
  items,
  rows,
  measure,
  locale,
  publication,
}: ToAttentionOptions): AttentionResult {
  const { threshold } = publication.settings;
  const perturbed = publication.perturbed;
  const isPublic = publication.view === "public";
  const byMetric = new Map(rows.map((r) => [r.metric, r]));
  const size = (metric: string) => sizeOfRow(publication, byMetric.get(metric));
  const base = size("base");
  const mentions = publication.count(
    items.reduce((sum, item) => sum + (byMetric.get(item.metric)?.mentions ?? 0), 0),
    items.reduce((sum, item) => sum + (byMetric.get(item.metric)?.mentionKeySum ?? 0), 0),
  );
  const smallBase = base === null || base < threshold;
  if (isPublic && smallBase)
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
      perturbed,
    };

  const all = items.map((item): AttentionFactor & { hidden: boolean } => {
    const row = byMetric.get(item.metric);
    const ownBase = size(item.baseMetric);
    const n = ownBase ?? 0;
    const denominator = measure === "cases" ? n : mentions;
    // No more firms name a factor than answered its item (noise on both sides could say so).
    const count = Math.min(
      denominator,
      measure === "cases"
        ? publication.count(row?.responses ?? 0, row?.keySum ?? 0)
        : publication.count(row?.mentions ?? 0, row?.mentionKeySum ?? 0),
    );
    const share = denominator > 0 ? count / denominator : 0;
    return {
      code: item.code,
      label: localizedText(item.label, locale),
      kind: item.kind,
      count,
      n,
      share,
      ci: measure === "cases" ? wilsonInterval(share, n) : null,
      // A mean is a sum the noise does not cover: the public sees it only without perturbation.
      mean: row && row.valueCount > 0 && !perturbed ? row.valueSum / row.valueCount : null,
      ...(item.topN !== undefined && { topN: item.topN }),
      ...(item.threshold !== undefined && { threshold: item.threshold }),
      // A factor's own base can be smaller than the level's: the public never sees a share under the threshold.
      hidden: isPublic && (ownBase === null || ownBase < threshold),
    };
  });
  const factors: AttentionFactor[] = all.filter((f) => !f.hidden).map(({ hidden: _, ...f }) => f);
  // Factors from most to least; "none of these" and other unmapped options after them.
  const order = (f: AttentionFactor) => (f.kind === "option" ? 1 : 0);
  factors.sort((a, b) => order(a) - order(b) || b.share - a.share || a.code.localeCompare(b.code));
  const hiddenFactors = all.filter((f) => f.hidden).map((f) => ({ code: f.code, label: f.label }));
  return { level, measure, base, mentions, factors, hiddenFactors, suppressed: false, smallBase, threshold, perturbed };
}
