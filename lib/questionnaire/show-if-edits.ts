// Editing a display condition as the designer shows it: a list of comparisons joined by "all"
// (and) or "any" (or). One comparison is stored on its own, several as { all: […] } or
// { any: […] } (definition-schema.ts). Browser-safe and pure.
import type { Comparison, Condition } from "./definition-schema";

export type Join = "all" | "any";

/** The comparisons of a condition and how they combine; a nested group counts as one item. */
export function conditionParts(condition: Condition): { join: Join; items: Condition[] } {
  if ("all" in condition) return { join: "all", items: condition.all };
  if ("any" in condition) return { join: "any", items: condition.any };
  return { join: "all", items: [condition] };
}

/** The condition of these items: none, the one comparison, or the joined group. */
export function joinConditions(join: Join, items: Condition[]): Condition | undefined {
  if (items.length === 0) return undefined;
  if (items.length === 1) return items[0];
  return join === "all" ? { all: items } : { any: items };
}

/** Where item `index` sits below the condition's own path. */
export function itemPath(condition: Condition, index: number): (string | number)[] {
  return "question" in condition ? [] : [conditionParts(condition).join, index];
}

/** The comparison a new row starts with: the latest earlier question not yet used, answered. */
export function nextComparison(earlierCodes: readonly string[], items: readonly Condition[]): Comparison | undefined {
  const used = new Set(items.flatMap((c) => ("question" in c ? [c.question] : [])));
  const code = [...earlierCodes].reverse().find((c) => !used.has(c)) ?? earlierCodes[earlierCodes.length - 1];
  return code === undefined ? undefined : { question: code, op: "answered" };
}
