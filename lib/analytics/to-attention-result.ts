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
import { effectiveSizeOf, wilsonInterval } from "./statistics";

export type MetricRow = {
  metric: string;
  responses: number;
  mentions: number;
  valueSum: number;
  valueCount: number;
  /** Sums of the counted responses' record keys (each times its mentions for mentionKeySum). */
  keySum: number;
  mentionKeySum: number;
  /** Σw, Σw² and Σw of mentions of the counted responses with a weight, and how many they are. */
  weights?: { sum: number; sumOfSquares: number; mentions: number; count: number };
};

/** Which weights the survey's weighted figures use (the weighting job's last computation). */
export type WeightingNote = { method: "post_stratify" | "rake"; computedAt: string | null; stale: boolean };

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
  /** The survey's weights, when it is weighted; weighted figures are for members only. */
  weighting?: WeightingNote | null;
};

/** A weighted share of sums, its Wilson interval at Kish's effective size, and the design effect. */
function weightedFigures(flagged: number, base: MetricRow["weights"], withInterval: boolean) {
  if (!base || !(base.sum > 0)) return null;
  const share = flagged / base.sum;
  const effectiveN = effectiveSizeOf(base.sum, base.sumOfSquares);
  return {
    share,
    ci: withInterval ? wilsonInterval(share, effectiveN) : null,
    base: base.sum,
    effectiveN,
    designEffect: effectiveN > 0 ? base.count / effectiveN : null,
  };
}

export function toAttentionResult({
  level,
  items,
  rows,
  measure,
  locale,
  publication,
  weighting,
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

  // Weighted figures come from exact sums: members only (the cell key method perturbs counts).
  const weighted = Boolean(weighting) && publication.view === "exact";
  const mentionWeights = {
    sum: items.reduce((sum, item) => sum + (byMetric.get(item.metric)?.weights?.mentions ?? 0), 0),
    sumOfSquares: 0,
    mentions: 0,
    count: 0,
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
      ...(weighted && {
        weighted:
          measure === "cases"
            ? weightedFigures(row?.weights?.sum ?? 0, byMetric.get(item.baseMetric)?.weights, true)
            : weightedFigures(row?.weights?.mentions ?? 0, mentionWeights, false),
      }),
      // A factor's own base can be smaller than the level's: the public never sees a share under the threshold.
      hidden: isPublic && (ownBase === null || ownBase < threshold),
    };
  });
  const factors: AttentionFactor[] = all.filter((f) => !f.hidden).map(({ hidden: _, ...f }) => f);
  // Factors from most to least; "none of these" and other unmapped options after them.
  const order = (f: AttentionFactor) => (f.kind === "option" ? 1 : 0);
  factors.sort((a, b) => order(a) - order(b) || b.share - a.share || a.code.localeCompare(b.code));
  const hiddenFactors = all.filter((f) => f.hidden).map((f) => ({ code: f.code, label: f.label }));
  const levelBase = byMetric.get("base");
  const levelWeights = weighted && weightedFigures(0, levelBase?.weights, false);
  return {
    level,
    measure,
    base,
    mentions,
    factors,
    ...(weighting &&
      weighted && {
        weighting: {
          ...weighting,
          base: levelWeights ? levelWeights.base : 0,
          effectiveBase: levelWeights ? levelWeights.effectiveN : 0,
          designEffect: levelWeights ? levelWeights.designEffect : null,
          unweighted: (levelBase?.responses ?? 0) - (levelBase?.weights?.count ?? 0),
        },
      }),
    hiddenFactors,
    suppressed: false,
    smallBase,
    threshold,
    perturbed,
  };
}
