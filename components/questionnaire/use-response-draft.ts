"use client";
// Keeps a filling safe: every change goes to localStorage at once, and a partial response goes to
// the server a moment after typing stops, on moving between sections and when the page is hidden,
// all under the same submissionId, so a resume link or the invitation brings it back anywhere.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { answerIssues } from "@/lib/questionnaire/answer-validation";
import { questionsOf } from "@/lib/questionnaire/question-list";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { SubmissionInput } from "@/lib/responses/submission-schema";

export type Draft = { submissionId: string; answers: Answers; sectionCode: string; startedAt: string };
export type SaveState = "idle" | "saving" | "saved" | "local" | "failed";
export type InitialDraft = Draft & { resumed: boolean };

const SAVE_DELAY_MS = 2000;

/** Answers a partial save may carry: known questions whose answers pass the partial checks. */
export function savableAnswers(def: QuestionnaireDefinition, answers: Answers): Answers {
  const bad = new Set(answerIssues(def, answers, { partial: true }).map((i) => String(i.path[0])));
  return Object.fromEntries(Object.entries(answers).filter(([code]) => !bad.has(code)));
}

function readLocal(key: string, def: QuestionnaireDefinition): Draft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null;
    if (!draft?.submissionId || typeof draft.answers !== "object") return null;
    // A draft kept from another version of the questionnaire keeps only the questions still asked.
    const known = new Set(questionsOf(def).map((q) => q.code));
    return { ...draft, answers: Object.fromEntries(Object.entries(draft.answers).filter(([c]) => known.has(c))) };
  } catch {
    return null;
  }
}

export function useResponseDraft(opts: { slug: string; token?: string; definition: QuestionnaireDefinition; locale: Locale; initial: InitialDraft }) {
  const { slug, token, definition, locale, initial } = opts;
  const storageKey = `sme-survey:${slug}:${token ? `invitation:${token}` : "link"}`;
  const [draft, setDraft] = useState<Draft>(initial);
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>(initial.resumed ? "saved" : "idle");
  /** Whether the server holds this filling, so that a resume link can bring it back. */
  const [onServer, setOnServer] = useState(initial.resumed);
  const savedBody = useRef<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const finished = useRef(false);
  const latest = useRef({ draft, locale });
  latest.current = { draft, locale };

  useEffect(() => {
    const local = readLocal(storageKey, definition);
    // The device's own copy is the newest of this filling; a resume link for another filling wins.
    if (local && (!initial.resumed || local.submissionId === initial.submissionId)) setDraft(local);
    setRestored(true);
  }, [storageKey, definition, initial.resumed, initial.submissionId]);

  useEffect(() => {
    if (restored && !finished.current) localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, restored, storageKey]);

  const bodyOf = useCallback(
    (partial: boolean): SubmissionInput => {
      const { draft: d, locale: l } = latest.current;
      return { submissionId: d.submissionId, locale: l, answers: partial ? savableAnswers(definition, d.answers) : d.answers, token, partial: partial || undefined, startedAt: d.startedAt };
    },
    [definition, token],
  );

  /** Queues a partial save (saves never overlap, so they reach the server in order). */
  const saveNow = useCallback(
    (opts: { keepalive?: boolean } = {}) => {
      queue.current = queue.current.then(async () => {
        const body = JSON.stringify(bodyOf(true));
        if (finished.current || body === savedBody.current) return;
        setSaveState("saving");
        try {
          const res = await fetch(`/api/v1/surveys/${encodeURIComponent(slug)}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
            keepalive: opts.keepalive,
          });
          if (res.ok) {
            savedBody.current = body;
            setOnServer(true);
          }
          setSaveState(res.ok ? "saved" : "local");
        } catch {
          setSaveState("failed");
        }
      });
      return queue.current;
    },
    [bodyOf, slug],
  );

  useEffect(() => {
    if (!restored || Object.keys(draft.answers).length === 0) return;
    const timer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.answers, restored, saveNow]);

  useEffect(() => {
    const onHide = () => document.visibilityState === "hidden" && Object.keys(latest.current.draft.answers).length && void saveNow({ keepalive: true });
    const onOnline = () => void saveNow();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("online", onOnline);
    };
  }, [saveNow]);

  /** After a successful submission: no more saves, and the device forgets the draft. */
  const finish = useCallback(() => {
    finished.current = true;
    localStorage.removeItem(storageKey);
  }, [storageKey]);

  return { draft, setDraft, restored, saveState, onServer, saveNow, bodyOf, finish, pending: () => queue.current };
}
