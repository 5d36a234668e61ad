// Shapes the sample's make-up (paper Fig. 2 and Fig. 3: regions and industries; size classes,
// life-cycle stages) and the response counts for the dashboard. The public sees each count as the
// survey's disclosure rules publish it (disclosure.ts), groups under the threshold hidden, and
// responses per month rather than per day. Pure.
import { isStandardBreakdown, type Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import type { DayRow, DistributionRow } from "./cell-queries";
import type { z } from "zod";
import { sizeOfRow, type Publication } from "./disclosure";
import type { CompositionSchema } from "./results-api-schemas";
import type { SurveyBreakdown } from "./survey-breakdowns";
import type { MetricRow } from "./to-attention-result";
import { validityRate } from "./statistics";

export type Composition = z.infer<typeof CompositionSchema>;
export type Distribution = Composition["distributions"][number];
export type DistributionBar = Distribution["bars"][number];
/** Delivered and valid responses of one day (YYYY-MM-DD) or, for the public, one month (YYYY-MM). */
export type PeriodCount = Composition["periods"][number];

export type ToCompositionOptions = {
  breakdowns: SurveyBreakdown[];
  totals: MetricRow[];
  distributionRows: DistributionRow[];
  days: DayRow[];
  locale: Locale;
  publication: Publication;
};

/** Days summed into months (their keys too: a month's cell key is its responses' sum). */
function byMonth(days: DayRow[]): DayRow[] {
  const months = new Map<string, DayRow>();
  for (const d of days) {
    const month = d.day.slice(0, 7);
    const m = months.get(month) ?? { day: month, delivered: 0, valid: 0, deliveredKeySum: 0, validKeySum: 0 };
    m.delivered += d.delivered;
    m.valid += d.valid;
    m.deliveredKeySum += d.deliveredKeySum;
    m.validKeySum += d.validKeySum;
    months.set(month, m);
  }
  return [...months.values()];
}

export function toComposition(o: ToCompositionOptions): Composition {
  const { publication } = o;
  const { threshold } = publication.settings;
  const isPublic = publication.view === "public";
  const total = (metric: string) =>
    sizeOfRow(
      publication,
      o.totals.find((r) => r.metric === metric),
    );
  const valid = total("valid");
  const smallBase = valid === null || valid < threshold;
  const empty = { distributions: [], periodUnit: "day" as const, periods: [], hiddenPeriods: 0 };
  if (isPublic && smallBase)
    return { suppressed: true, smallBase, threshold, perturbed: publication.perturbed, totals: null, ...empty };
  const delivered = total("delivered") ?? 0;
  const distributions = o.breakdowns.map((b): Distribution => {
    const label = (value: string | null) => {
      const option = b.options.find((opt) => opt.code === value);
      return option ? localizedText(option.label, o.locale) : (value ?? "—");
    };
    const rows = o.distributionRows
      .filter((r) => r.key === b.key)
      .map((r) => ({ ...r, published: publication.size(r.count, r.keySum) }));
    const bars = rows
      .filter((r) => r.published !== null)
      .map((r): DistributionBar => ({ code: r.value ?? "", label: label(r.value), count: r.published!, share: 0 }));
    // Every valid response has a value (or none) of each breakdown: the valid total is the base.
    const base = isPublic ? (valid ?? 0) : rows.reduce((sum, r) => sum + r.count, 0);
    for (const bar of bars) bar.share = base ? bar.count / base : 0;
    bars.sort((x, y) => y.count - x.count || x.code.localeCompare(y.code));
    return {
      key: b.key,
      label: isStandardBreakdown(b.key) || !b.label ? null : localizedText(b.label, o.locale),
      base,
      bars,
      hiddenBars: rows.filter((r) => r.published === null).map((r) => ({ code: r.value ?? "", label: label(r.value) })),
    };
  });
  const periods = (isPublic ? byMonth(o.days) : o.days).map((d) => ({
    period: d.day,
    delivered: publication.size(d.delivered, d.deliveredKeySum),
    valid: publication.size(d.valid, d.validKeySum),
  }));
  const shown = periods.filter((p) => p.delivered !== null && p.valid !== null);
  return {
    suppressed: false,
    smallBase,
    threshold,
    perturbed: publication.perturbed,
    totals: {
      delivered,
      valid: valid ?? 0,
      // Delivered responses are the valid ones and the screened ones.
      screened: Math.max(0, delivered - (valid ?? 0)),
      validityRate: validityRate(valid ?? 0, delivered),
    },
    distributions,
    periodUnit: isPublic ? "month" : "day",
    periods: shown.map((p) => ({ period: p.period, delivered: p.delivered!, valid: Math.min(p.valid!, p.delivered!) })),
    hiddenPeriods: periods.length - shown.length,
  };
}
