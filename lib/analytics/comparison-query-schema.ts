// What the comparisons of issue 11 may ask for, read from URL query parameters by the API and the
// dashboard alike: k groups of a breakdown, two factors of a level, and two or more surveys. Each
// problem is reported with the parameter it is about, never ignored. Browser-safe.
import { z } from "zod";
import { CodeSchema, FactorLevelSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { FilterIssue } from "./dashboard-schema";
import { levelItems, type LevelItem } from "./metric-map";

type Breakdowns = { key: string; options: { code: string }[] }[];
type Parsed<T> = T | { issues: FilterIssue[] };

/** At most as many groups or surveys as a chart can tell apart and a request should sum. */
export const MAX_COMPARED_GROUPS = 40;
export const MAX_COMPARED_SURVEYS = 6;

const issuesOfError = (error: z.ZodError): FilterIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));

/** `a,b,c` (or the parameter repeated) as a list of distinct entries. */
const listOf = (item: z.ZodType<string, string>, noun: string, max: number) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(item)
        .min(2, `Name at least two ${noun}, separated by commas`)
        .max(max, `Name at most ${max} ${noun}`)
        .refine((list) => new Set(list).size === list.length, `Name each of the ${noun} once`),
    );

export const GroupsQuerySchema = z.object({
  compare_by: z.string({ error: "Choose a breakdown to compare by" }).min(1, "Choose a breakdown to compare by"),
  groups: listOf(CodeSchema, "groups", MAX_COMPARED_GROUPS).optional(),
});

/** The breakdown compared by, and its chosen values (null: every value that has responses). */
export type GroupsQuery = { by: string; groups: string[] | null };

/**
 * `compare_by=size_class[&groups=micro,small,medium]`: null when neither is given. Every group
 * must be a value of the breakdown.
 */
export function parseGroupsComparison(params: URLSearchParams, breakdowns: Breakdowns): Parsed<GroupsQuery> | null {
  if (!params.get("compare_by") && !params.has("groups")) return null;
  const parsed = GroupsQuerySchema.safeParse({
    compare_by: params.get("compare_by") || undefined,
    groups: params.has("groups") ? params.getAll("groups") : undefined,
  });
  if (!parsed.success) return { issues: issuesOfError(parsed.error) };
  const { compare_by: by, groups } = parsed.data;
  const breakdown = breakdowns.find((b) => b.key === by);
  if (!breakdown)
    return {
      issues: [
        {
          path: ["compare_by"],
          message: `Choose a breakdown to compare by (${breakdowns.map((b) => b.key).join(", ")})`,
        },
      ],
    };
  const unknown = (groups ?? []).filter((g) => !breakdown.options.some((o) => o.code === g));
  if (unknown.length)
    return {
      issues: [{ path: ["groups"], message: `${unknown.map((g) => `"${g}"`).join(", ")} is not a value of ${by}` }],
    };
  return { by, groups: groups ?? null };
}

export const PairedQuerySchema = z
  .object({
    level: FactorLevelSchema,
    a: CodeSchema.describe("A factor of the level."),
    b: CodeSchema.describe("Another factor of the level."),
  })
  .refine((q) => q.a !== q.b, { path: ["b"], message: "Choose two different factors" });

/** The query without the paired endpoint's own a and b, which are not breakdown filters. */
export function withoutPairedFactors(params: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(params);
  rest.delete("a");
  rest.delete("b");
  return rest;
}

export type PairedQuery = { level: z.infer<typeof FactorLevelSchema>; a: LevelItem; b: LevelItem };

/** Two factors of one level of the questionnaire (not "none of these": it is not a factor). */
export function parsePairedQuery(
  input: { level?: string; a?: string; b?: string },
  definition: QuestionnaireDefinition,
): Parsed<PairedQuery> {
  const parsed = PairedQuerySchema.safeParse(input);
  if (!parsed.success) return { issues: issuesOfError(parsed.error) };
  const { level } = parsed.data;
  const factors = levelItems(definition, level).filter((i) => i.kind !== "option");
  const issues: FilterIssue[] = [];
  const factorOf = (key: "a" | "b") => {
    const item = factors.find((f) => f.code === parsed.data[key]);
    if (!item)
      issues.push({
        path: [key],
        message: `"${parsed.data[key]}" is not a factor of the ${level} level (${factors.map((f) => f.code).join(", ")})`,
      });
    return item;
  };
  const a = factorOf("a");
  const b = factorOf("b");
  return a && b ? { level, a, b } : { issues };
}

export const SurveysQuerySchema = z.object({
  surveys: listOf(z.string().max(64, "A survey's slug has at most 64 characters"), "surveys", MAX_COMPARED_SURVEYS),
  level: FactorLevelSchema,
});
export type SurveysQuery = z.infer<typeof SurveysQuerySchema>;

/** `surveys=jilin-2017,jilin-2020&level=macro` (or `surveys` repeated, as a form sends it). */
export function parseSurveysQuery(params: URLSearchParams): Parsed<SurveysQuery> {
  const parsed = SurveysQuerySchema.safeParse({
    surveys: params.getAll("surveys"),
    level: params.get("level") ?? undefined,
  });
  return parsed.success ? parsed.data : { issues: issuesOfError(parsed.error) };
}
