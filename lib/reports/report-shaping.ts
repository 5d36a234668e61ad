// Pure helpers of the survey report: which groups of a breakdown are compared, the pairs that
// makes, and the span of days (or, for the public, months) in which responses were completed.
// Browser-safe.
import type { Distribution, PeriodCount } from "@/lib/analytics/to-composition";
import type { Locale } from "@/lib/questionnaire/definition-schema";

/**
 * A group is compared only with at least this many valid responses (or the survey's small-cell
 * threshold when that is higher): the z-test's normal approximation needs groups of some size,
 * and smaller groups are rarely worth a sentence in a report.
 */
export const MIN_COMPARED_GROUP = 30;
/** The largest groups of a breakdown compared pairwise: six give 15 pairs per level. */
export const MAX_COMPARED_GROUPS = 6;

export type ComparedGroup = { code: string; label: string; count: number };

export const comparedGroupMinimum = (threshold: number) => Math.max(MIN_COMPARED_GROUP, threshold);

/** The groups of a breakdown the report compares: large enough, the largest first, at most MAX_COMPARED_GROUPS. */
export function comparedGroups(distribution: Distribution, minimum: number): ComparedGroup[] {
  return distribution.bars
    .filter((bar) => bar.code !== "" && bar.count >= minimum)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, MAX_COMPARED_GROUPS)
    .map(({ code, label, count }) => ({ code, label, count }));
}

/** Every pair of the groups, each once, in the groups' order: (a, b), (a, c), (b, c). */
export function groupPairs<T>(groups: T[]): [T, T][] {
  return groups.flatMap((a, i) => groups.slice(i + 1).map((b): [T, T] => [a, b]));
}

/** The first and last period with responses (days YYYY-MM-DD, or months YYYY-MM for the public). */
export function responseSpan(periods: PeriodCount[]): { first: string; last: string } | null {
  const answered = periods.filter((p) => p.delivered > 0).map((p) => p.period);
  if (!answered.length) return null;
  answered.sort();
  return { first: answered[0], last: answered[answered.length - 1] };
}

/** A day (YYYY-MM-DD) or a month (YYYY-MM) as the report prints it: "1 March 2017", "2017年3月1日". */
export function formatPeriod(period: string, locale: Locale): string {
  const [year, month, day] = period.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    year: "numeric",
    month: "long",
    ...(day !== undefined && { day: "numeric" }),
    timeZone: "UTC",
  }).format(date);
}

/** A p-value as the report prints it: "p = 0.012", "p < 0.001". */
export const formatP = (p: number) => (p < 0.001 ? "p < 0.001" : `p = ${p.toFixed(3)}`);

/** A 95 % interval of shares: "62.7–74.7%". */
export const formatInterval = ([low, high]: [number, number]) =>
  `${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}%`;
