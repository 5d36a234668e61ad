"use client";
// Which question is open in the designer, and going to a field: the outline, the problems list
// and a collapsed question's line open the question a path lies in, then scroll to it and move
// the focus into it once the render that shows it is done (the button pressed may be gone).
import { useCallback, useEffect, useMemo, useState } from "react";
import { issuePlace, pathKey } from "@/lib/questionnaire/definition-issues";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import type { Path, Selection } from "./designer-context";

/**
 * How going to a path ends: "field" (a problem of the list) marks the field touched, centres it
 * and focuses it; "open" (the outline) scrolls the section or question to the top and focuses
 * its first field; "focus" (a collapsed question's own line) focuses the opened question's
 * first field where it stands.
 */
export type GoToMode = "field" | "open" | "focus";

export function useDesignerNavigation(draft: DraftDefinition, touch: (key: string) => void) {
  const [selection, setSelection] = useState<Selection>({ section: 0, question: 0 });
  // After an undo or a deletion the open position may be gone: the nearest question opens instead.
  const selected = useMemo(() => clampSelection(draft, selection), [draft, selection]);
  const [reveal, setReveal] = useState<{ path: Path; mode: GoToMode; n: number } | null>(null);
  useEffect(() => {
    if (reveal) revealField(reveal.path, reveal.mode);
  }, [reveal]);

  /** Opens the question of `path` and brings its element into view and focus as `mode` says. */
  const goTo = useCallback(
    (path: Path, mode: GoToMode = "field") => {
      const place = issuePlace(path);
      if (place.sectionIndex !== undefined && place.questionIndex !== undefined)
        setSelection({ section: place.sectionIndex, question: place.questionIndex });
      if (mode === "field") touch(pathKey(path));
      setReveal((r) => ({ path, mode, n: (r?.n ?? 0) + 1 }));
    },
    [touch],
  );
  return { selected, select: setSelection, goTo };
}

/** The open question, moved to the nearest one that exists. */
function clampSelection(draft: DraftDefinition, selection: Selection): Selection {
  if (!selection || draft.sections.length === 0) return null;
  const section = Math.min(selection.section, draft.sections.length - 1);
  const count = draft.sections[section].questions.length;
  if (count === 0) return null;
  return { section, question: Math.min(selection.question, count - 1) };
}

/** Scrolls to and focuses the element of a path, or of the nearest enclosing path that has one. */
function revealField(path: Path, mode: GoToMode) {
  for (let n = path.length; n > 0; n--) {
    const element = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`);
    if (!element) continue;
    if (mode === "field") {
      element.scrollIntoView({ block: "center" });
      const control = element.matches("input, select, textarea")
        ? element
        : element.querySelector<HTMLElement>("input, select, textarea, button");
      control?.focus({ preventScroll: true });
      return;
    }
    if (mode === "open") element.scrollIntoView({ block: "start" });
    element.querySelector<HTMLElement>("input, select, textarea")?.focus({ preventScroll: mode === "open" });
    return;
  }
}
