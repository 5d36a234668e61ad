"use client";
// The draft with an undo history: every change goes through `update`, and keystrokes in one
// field within a second undo together rather than letter by letter. Each change carries the
// list items' stable keys over to the new draft (item-keys.ts).
import { useCallback, useRef, useState } from "react";
import { produce, type Draft } from "immer";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import { carryItemKeys } from "@/lib/questionnaire/item-keys";

const MAX_HISTORY = 100;
const COALESCE_MS = 1000;

export function useDraftHistory(initial: DraftDefinition) {
  const [state, setState] = useState({ draft: initial, past: [] as DraftDefinition[], version: 0 });
  const last = useRef<{ key?: string; at: number }>({ at: 0 });

  const update = useCallback((recipe: (d: Draft<DraftDefinition>) => void, coalesce?: string) => {
    const now = Date.now();
    const merge = coalesce !== undefined && last.current.key === coalesce && now - last.current.at < COALESCE_MS;
    last.current = { key: coalesce, at: now };
    setState((s) => {
      const next = produce(s.draft, recipe);
      if (next === s.draft) return s;
      carryItemKeys(s.draft, next);
      const past = merge ? s.past : [...s.past, s.draft].slice(-MAX_HISTORY);
      return { draft: next, past, version: s.version + 1 };
    });
  }, []);

  const undo = useCallback(() => {
    last.current = { at: 0 };
    setState((s) =>
      s.past.length ? { draft: s.past[s.past.length - 1], past: s.past.slice(0, -1), version: s.version + 1 } : s,
    );
  }, []);

  return { draft: state.draft, version: state.version, canUndo: state.past.length > 0, update, undo };
}
