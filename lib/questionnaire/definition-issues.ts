// Maps zod issues of QuestionnaireDefinitionSchema to the designer's fields: each input looks up
// the messages for its own path ("sections.0.questions.2.label.en"). Browser-safe.
import type { z } from "zod";

export type IssuePath = (string | number)[];
/** The messages of one path, with the path as zod gave it (the problems list goes to it). */
export type IssueEntry = { path: IssuePath; messages: string[] };
export type IssueMap = ReadonlyMap<string, IssueEntry>;

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join(".");

export function issueMap(issues: readonly z.core.$ZodIssue[]): IssueMap {
  const map = new Map<string, IssueEntry>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
    map.set(key, { path, messages: [...(map.get(key)?.messages ?? []), issue.message] });
  }
  return map;
}

/** Messages at the path itself. */
export function issuesAt(map: IssueMap, path: readonly PropertyKey[]): string[] {
  return map.get(pathKey(path))?.messages ?? [];
}

const within = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`);

/** How many issues lie at or below the path (e.g. to badge a collapsed section). */
export function countIssuesUnder(map: IssueMap, path: readonly PropertyKey[]): number {
  const prefix = pathKey(path);
  let n = 0;
  for (const [key, { messages }] of map) if (within(key, prefix)) n += messages.length;
  return n;
}

/**
 * How many issues lie at or below the path but not inside one of its items of `list` (a
 * section's own problems, without those of its questions).
 */
export function countOwnIssues(map: IssueMap, path: readonly PropertyKey[], list: string): number {
  const prefix = pathKey(path);
  let n = 0;
  for (const [key, entry] of map) {
    const inItem = entry.path[path.length] === list && typeof entry.path[path.length + 1] === "number";
    if (within(key, prefix) && !inItem) n += entry.messages.length;
  }
  return n;
}

/**
 * The issues a researcher has met: those of fields they have changed or left (`touched` holds
 * path keys), including issues of the object a touched field belongs to ("a label needs text"
 * sits on the label, its inputs on label.zh and label.en). Untouched fields of a new question
 * are not errors yet; publishing shows them all.
 */
export function touchedIssues(map: IssueMap, touched: ReadonlySet<string>): IssueMap {
  const shown = new Map<string, IssueEntry>();
  for (const [key, entry] of map)
    for (const t of touched)
      if (within(key, t) || within(t, key)) {
        shown.set(key, entry);
        break;
      }
  return shown;
}

/** Where an issue lies: the section and question to open, and the item and field it names. */
export type IssuePlace = {
  sectionIndex?: number;
  questionIndex?: number;
  /** An option, matrix row, scale point or factor, by list and position. */
  item?: { list: string; index: number };
  /** The last named field of the path ("label", "code", "topN"…), if any. */
  field?: string;
};

export function issuePlace(path: readonly PropertyKey[]): IssuePlace {
  const place: IssuePlace = {};
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === "sections" && typeof next === "number" && place.sectionIndex === undefined) place.sectionIndex = next;
    else if (key === "questions" && typeof next === "number" && place.questionIndex === undefined)
      place.questionIndex = next;
    else if (["options", "rows", "points", "factors"].includes(String(key)) && typeof next === "number" && !place.item)
      place.item = { list: String(key), index: next };
    else if (typeof key === "string" && !["zh", "en", "sections", "questions", "all", "any"].includes(key))
      place.field = key;
  }
  return place;
}
