"use client";
// Which question is open in the designer, and going to a field: the outline and the problems
// list open the question a path lies in, then scroll to the field (and focus it) once the render
// that shows it is done.
import { useCallback, useEffect, useMemo, useState } from "react";
import { issuePlace, pathKey } from "@/lib/questionnaire/definition-issues";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";
import type { Path, Selection } from "./designer-context";

export function useDesignerNavigation(draft: DraftDefinition, touch: (key: string) => void) {
  const [selection, setSelection] = useState<Selection>({ section: 0, question: 0 });
  // After an undo or a deletion the open position may be gone: the nearest question opens instead.
  const selected = useMemo(() => clampSelection(draft, selection), [draft, selection]);
  const [reveal, setReveal] = useState<{ path: Path; focus: boolean; n: number } | null>(null);
  useEffect(() => {
    if (reveal) revealField(reveal.path, reveal.focus);
  }, [reveal]);

  /** Opens the question of `path` and scrolls to it; `focus` also marks the field touched and focuses it. */
  const goTo = useCallback(
    (path: Path, focus = true) => {
      const place = issuePlace(path);
      if (place.sectionIndex !== undefined && place.questionIndex !== undefined)
        setSelection({ section: place.sectionIndex, question: place.questionIndex });
      if (focus) touch(pathKey(path));
      setReveal((r) => ({ path, focus, n: (r?.n ?? 0) + 1 }));
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

/** Scrolls to the element of a path, or of the nearest enclosing path that has one. */
function revealField(path: Path, focus: boolean) {
  for (let n = path.length; n > 0; n--) {
    const element = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(pathKey(path.slice(0, n)))}"]`);
    if (!element) continue;
    element.scrollIntoView({ block: focus ? "center" : "start" });
    if (focus) {
      const control = element.matches("input, select, textarea")
        ? element
        : element.querySelector<HTMLElement>("input, select, textarea, button");
      control?.focus({ preventScroll: true });
    }
    return;
  }
}
