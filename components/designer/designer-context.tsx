"use client";
// What every part of the designer shares: the draft, the one way to change it (so every change
// can be undone), the schema's issues by field, the organization's factor library, and which
// question is open in the editor.
import { createContext, useContext } from "react";
import type { Draft } from "immer";
import type { IssueMap } from "@/lib/questionnaire/definition-issues";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import type { GoToMode } from "./use-designer-navigation";

export type LibraryFactor = { code: string; level: FactorLevel; labelZh: string; labelEn: string };
export type Path = (string | number)[];
export type Selection = { section: number; question: number } | null;

export type DesignerContextValue = {
  draft: DraftDefinition;
  /** Applies a change; changes with the same `coalesce` key in quick succession undo as one (typing). */
  update: (recipe: (draft: Draft<DraftDefinition>) => void, coalesce?: string) => void;
  /** The issues shown at the fields: those of touched fields, or all once publishing was tried. */
  issues: IssueMap;
  /** Every issue of the draft, touched or not (counts, the problems list). */
  allIssues: IssueMap;
  /** Marks a field (by path key) as touched: its issues appear from now on. */
  touch: (key: string) => void;
  library: LibraryFactor[];
  /** The question whose editor is open; the others show as one line. */
  selected: Selection;
  select: (next: Selection | ((current: Selection) => Selection)) => void;
  /** Opens the question a path lies in and moves the focus there (use-designer-navigation.ts). */
  goTo: (path: Path, mode?: GoToMode) => void;
  /** Says what was deleted, next to an Undo button. */
  announceDeletion: (name: string) => void;
};

export const DesignerContext = createContext<DesignerContextValue | null>(null);

export function useDesigner(): DesignerContextValue {
  const value = useContext(DesignerContext);
  if (!value) throw new Error("useDesigner() outside <DesignerContext>");
  return value;
}

export function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node == null ? undefined : (node as Record<string | number, unknown>)[key]),
    root,
  );
}

/** Sets a value inside an immer draft; undefined removes the property (optional fields left empty). */
export function setAt(root: object, path: Path, value: unknown) {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown> | undefined;
  if (!parent) return;
  const key = path[path.length - 1];
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}
