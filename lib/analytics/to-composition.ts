// Shapes the sample's make-up (paper Fig. 2 and Fig. 3: regions and industries; size classes,
// life-cycle stages) and the response counts for the dashboard. Pure.
import { isStandardBreakdown, type Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { DayRow, DistributionRow } from "./cell-queries";
import type { SurveyBreakdown } from "./survey-breakdowns";
import type { MetricRow } from "./to-attention-result";
import { validityRate } from "./statistics";

export type DistributionBar = { code: string; label: string; count: number; share: number };
export type Distribution = {
  key: string;
  /** The question's label for custom breakdowns; null for the standard ones (named by the interface). */
  label: string | null;
  base: number;
  bars: DistributionBar[];
};
export type Composition = {
  suppressed: boolean;
  smallBase: boolean;
  threshold: number;
  totals: { delivered: number; valid: number; screened: number; validityRate: number | null } | null;
  distributions: Distribution[];
  days: DayRow[];
};

export type ToCompositionOptions = {
  breakdowns: SurveyBreakdown[];
  totals: MetricRow[];
  distributionRows: DistributionRow[];
  days: DayRow[];
  locale: Locale;
  threshold: number;
  enforceThreshold: boolean;
};

export function toComposition(o: ToCompositionOptions): Composition {
  const total = (metric: string) => o.totals.find((r) => r.metric === metric)?.responses ?? 0;
  const valid = total("valid");
  const smallBase = valid < o.threshold;
  if (o.enforceThreshold && smallBase)
    return { suppressed: true, smallBase, threshold: o.threshold, totals: null, distributions: [], days: [] };
  const distributions = o.breakdowns.map((b): Distribution => {
    const rows = o.distributionRows.filter((r) => r.key === b.key);
    const base = rows.reduce((sum, r) => sum + r.count, 0);
    const bars = rows.map((r): DistributionBar => {
      const option = b.options.find((opt) => opt.code === r.value);
      return {
        code: r.value ?? "",
        label: option ? localizedText(option.label, o.locale) : (r.value ?? "—"),
        count: r.count,
        share: base ? r.count / base : 0,
      };
    });
    bars.sort((x, y) => y.count - x.count || x.code.localeCompare(y.code));
    return {
      key: b.key,
      label: isStandardBreakdown(b.key) || !b.label ? null : localizedText(b.label, o.locale),
      base,
      bars,
    };
  });
  return {
    suppressed: false,
    smallBase,
    threshold: o.threshold,
    totals: {
      delivered: total("delivered"),
      valid,
      screened: total("screened"),
      validityRate: validityRate(valid, total("delivered")),
    },
    distributions,
    days: o.days,
  };
}
