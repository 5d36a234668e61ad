// Maps zod issues of QuestionnaireDefinitionSchema to the designer's fields: each input looks up
// the messages for its own path ("sections.0.questions.2.label.en"). Browser-safe.
import type { z } from "zod";

export type IssueMap = ReadonlyMap<string, string[]>;

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join(".");

export function issueMap(issues: readonly z.core.$ZodIssue[]): IssueMap {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    map.set(key, [...(map.get(key) ?? []), issue.message]);
  }
  return map;
}

/** Messages at the path itself. */
export function issuesAt(map: IssueMap, path: readonly PropertyKey[]): string[] {
  return map.get(pathKey(path)) ?? [];
}

/** How many issues lie at or below the path (e.g. to badge a collapsed section). */
export function countIssuesUnder(map: IssueMap, path: readonly PropertyKey[]): number {
  const prefix = pathKey(path);
  let n = 0;
  for (const [key, messages] of map) if (key === prefix || key.startsWith(`${prefix}.`)) n += messages.length;
  return n;
}
