"use client";
// Saves the draft a moment after the last change, one save at a time, and warns before leaving
// with unsaved changes. A conflict (someone else saved meanwhile) stops autosaving and says so.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { DraftDefinition } from "@/lib/questionnaire/draft-edits";

export type SaveDraft = (
  draft: DraftDefinition,
  expectedUpdatedAt: string,
) => Promise<{ ok: true; updatedAt: string } | { ok: false; error: "conflict" | "invalid" | "not_found" }>;
export type SaveState = "saved" | "unsaved" | "saving" | "failed";

const DELAY_MS = 1200;

export function useAutosave(opts: { draft: DraftDefinition; version: number; updatedAt: string; save: SaveDraft }) {
  const t = useTranslations("designer.saveErrors");
  const [state, setState] = useState<SaveState>("saved");
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(opts);
  useLayoutEffect(() => {
    latest.current = opts;
  });
  const savedVersion = useRef(0);
  const updatedAt = useRef(opts.updatedAt);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);

  const flush = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const { draft, version, save } = latest.current;
    if (version === savedVersion.current) return true;
    if (blocked.current) return false;
    setState("saving");
    const run = (async () => {
      try {
        const result = await save(draft, updatedAt.current);
        if (!result.ok) {
          blocked.current = result.error === "conflict";
          setError(t(result.error));
          setState("failed");
          return false;
        }
        updatedAt.current = result.updatedAt;
        savedVersion.current = version;
        setError(null);
        setState(latest.current.version === version ? "saved" : "unsaved");
        return true;
      } catch {
        setError(t("network"));
        setState("failed");
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    return ok;
  }, [t]);

  useEffect(() => {
    if (opts.version === savedVersion.current) return;
    setState((s) => (s === "saving" ? s : "unsaved"));
    const timer = setTimeout(() => void flush(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [opts.version, flush]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current.version !== savedVersion.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return { state, error, flush };
}
