// What a dashboard or results request may ask for: a level, breakdown filters, a date range and
// the measure. Parsed from URL query parameters by the API and the page alike. Browser-safe.
import { z } from "zod";
import { FactorLevelSchema } from "@/lib/questionnaire/definition-schema";

export const MEASURES = ["cases", "responses"] as const;
export const MeasureSchema = z.enum(MEASURES);
export type Measure = z.infer<typeof MeasureSchema>;

/** Query parameters that are not breakdown filters. */
export const RESERVED_PARAMS = [
  "level",
  "from",
  "to",
  "measure",
  "locale",
  "compare_by",
  "group_a",
  "group_b",
  "groups",
  "pair_level",
  "pair_a",
  "pair_b",
  "view",
] as const;

// Calendar dates; PostgreSQL has no year 0, and far-off years only hide typos.
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2017-03-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date")
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `Use a date between the years ${MIN_YEAR} and ${MAX_YEAR}`);

export const ResultsFilterSchema = z
  .object({
    from: DateSchema.optional(),
    to: DateSchema.optional(),
    /** Breakdown key (region, industry, size_class, lifecycle_stage or a custom question code) to value. */
    breakdowns: z.record(z.string(), z.string().min(1).max(64)).default({}),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date is after the end date", path: ["to"] });
export type ResultsFilter = z.infer<typeof ResultsFilterSchema>;

/** `from` and `to` as query parameters, for the API's description (lib/openapi/). */
export const FilterDatesQuerySchema = z.object({
  from: DateSchema.optional().describe("First day of completion (UTC), YYYY-MM-DD, included."),
  to: DateSchema.optional().describe("Last day of completion (UTC), YYYY-MM-DD, included."),
});

const DAY_MS = 86_400_000;

/** The instants a filter's date range covers: whole UTC days, both ends included, as the dashboards count. */
export function dateRangeBounds(filter: Pick<ResultsFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  return {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}

export type FilterIssue = { path: string[]; message: string };

/**
 * The public's date range in whole months (from the first of its first month to the last day of
 * its last), so that two ranges a day apart cannot isolate that day's responses.
 */
export function toWholeMonths(filter: ResultsFilter): ResultsFilter {
  const lastDay = (day: string) => {
    const [y, m] = day.split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  };
  return {
    ...filter,
    ...(filter.from && { from: `${filter.from.slice(0, 7)}-01` }),
    ...(filter.to && { to: lastDay(filter.to) }),
  };
}

/**
 * Reads a filter from query parameters. Every parameter that is not reserved must name one of
 * the survey's breakdowns and one of its values; anything else is reported, never ignored.
 */
export function parseResultsFilter(
  params: URLSearchParams,
  breakdowns: { key: string; options: { code: string }[] }[],
): { filter: ResultsFilter } | { issues: FilterIssue[] } {
  const issues: FilterIssue[] = [];
  const chosen: Record<string, string> = {};
  for (const [key, value] of params) {
    if ((RESERVED_PARAMS as readonly string[]).includes(key) || value === "") continue;
    const breakdown = breakdowns.find((b) => b.key === key);
    if (!breakdown) {
      issues.push({
        path: [key],
        message: `"${key}" is not a breakdown of this survey (${breakdowns.map((b) => b.key).join(", ")})`,
      });
    } else if (!breakdown.options.some((o) => o.code === value)) {
      issues.push({ path: [key], message: `"${value}" is not a value of ${key}` });
    } else chosen[key] = value;
  }
  const parsed = ResultsFilterSchema.safeParse({
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    breakdowns: chosen,
  });
  if (!parsed.success)
    issues.push(...parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
  return issues.length ? { issues } : { filter: parsed.data! };
}

export const AttentionQuerySchema = z.object({
  level: FactorLevelSchema,
  measure: MeasureSchema.default("cases"),
});

export type GroupComparisonQuery = { by: string; a: string; b: string };

/** `compare_by=size_class&group_a=micro&group_b=small`: null when absent, issues when wrong. */
export function parseGroupComparison(
  params: URLSearchParams,
  breakdowns: { key: string; options: { code: string }[] }[],
): GroupComparisonQuery | null | { issues: FilterIssue[] } {
  const by = params.get("compare_by");
  const a = params.get("group_a");
  const b = params.get("group_b");
  if (!by && !a && !b) return null;
  const breakdown = breakdowns.find((x) => x.key === by);
  if (!breakdown)
    return {
      issues: [
        {
          path: ["compare_by"],
          message: `Choose a breakdown to compare by (${breakdowns.map((x) => x.key).join(", ")})`,
        },
      ],
    };
  const issues: FilterIssue[] = [];
  for (const [key, value] of [
    ["group_a", a],
    ["group_b", b],
  ] as const)
    if (!value || !breakdown.options.some((o) => o.code === value))
      issues.push({ path: [key], message: `Choose one of the values of ${by}` });
  if (!issues.length && a === b) issues.push({ path: ["group_b"], message: "Choose two different groups" });
  return issues.length ? { issues } : { by: breakdown.key, a: a!, b: b! };
}
