"use client";
// Keeps a filling safe: every change goes to localStorage at once, and a partial response goes to
// the server a moment after typing stops, on moving between sections and when the page is hidden,
// all under the same submissionId, so a resume link or the invitation brings it back anywhere.
// Each save names the revision it continues; when another device saved newer answers meanwhile,
// the server refuses the save (409 stale_revision) and this page takes the newer answers.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Answers } from "@/lib/questionnaire/answer-values";
import { answerIssues } from "@/lib/questionnaire/answer-validation";
import { questionsOf } from "@/lib/questionnaire/question-list";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { StaleRevisionBody, SubmissionInput, SubmissionResult } from "@/lib/responses/submission-schema";

/** `revision`: the saved revision these answers continue (0 before the first save). */
export type Draft = {
  submissionId: string;
  answers: Answers;
  sectionCode: string;
  startedAt: string;
  revision: number;
};
export type SaveState = "idle" | "saving" | "saved" | "local" | "failed" | "replaced";
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
    return {
      ...draft,
      revision: Number.isInteger(draft.revision) ? draft.revision : 0,
      answers: Object.fromEntries(Object.entries(draft.answers).filter(([c]) => known.has(c))),
    };
  } catch {
    return null;
  }
}

export function useResponseDraft(opts: {
  slug: string;
  token?: string;
  definition: QuestionnaireDefinition;
  locale: Locale;
  initial: InitialDraft;
}) {
  const { slug, token, definition, locale, initial } = opts;
  const storageKey = `sme-survey:${slug}:${token ? `invitation:${token}` : "link"}`;
  const [draft, setDraft] = useState<Draft>(initial);
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>(initial.resumed ? "saved" : "idle");
  /** Whether the server holds this filling, so that a resume link can bring it back. */
  const [onServer, setOnServer] = useState(initial.resumed);
  const savedBody = useRef<string | null>(null);
  const revision = useRef(initial.revision);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const finished = useRef(false);
  const latest = useRef({ draft, locale });
  useLayoutEffect(() => {
    latest.current = { draft, locale };
  });

  useEffect(() => {
    const local = readLocal(storageKey, definition);
    // The device's own copy may hold answers not saved yet, unless it continues an older revision than
    // the page brought from the server (another device saved since); a resume link for another filling wins.
    const sameFilling = local?.submissionId === initial.submissionId;
    if (local && (!initial.resumed || (sameFilling && local.revision >= initial.revision))) {
      revision.current = local.revision;
      // localStorage exists only in the browser, after hydration: reading it during render would
      // make the first client render differ from the server's HTML.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setDraft(local);
    } else if (local && sameFilling) setSaveState("replaced");
    setRestored(true);
  }, [storageKey, definition, initial.resumed, initial.submissionId, initial.revision]);

  useEffect(() => {
    if (restored && !finished.current) localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, restored, storageKey]);

  const bodyOf = useCallback(
    (partial: boolean, d: Draft = latest.current.draft): SubmissionInput => ({
      submissionId: d.submissionId,
      locale: latest.current.locale,
      answers: partial ? savableAnswers(definition, d.answers) : d.answers,
      token,
      partial: partial || undefined,
      startedAt: d.startedAt,
      revision: revision.current,
    }),
    [definition, token],
  );
  /** What a save sends apart from its revision: equal ones need not be sent again. */
  const contentOf = (body: SubmissionInput) => JSON.stringify({ ...body, revision: undefined });

  /** A save or submission succeeded: later ones continue its revision. */
  const accepted = useCallback((result: SubmissionResult) => {
    revision.current = result.revision;
    setDraft((d) => ({ ...d, revision: result.revision }));
  }, []);

  /** The server holds newer answers (saved on another device): show those and continue from them. */
  const replaceWithNewer = useCallback(
    (newer: StaleRevisionBody) => {
      revision.current = newer.revision;
      const next = { ...latest.current.draft, answers: newer.answers as Answers, revision: newer.revision };
      savedBody.current = contentOf(bodyOf(true, next));
      setDraft(next);
      setSaveState("replaced");
    },
    [bodyOf],
  );

  /** Queues a partial save (saves never overlap, so they reach the server in order). */
  const saveNow = useCallback(
    (opts: { keepalive?: boolean } = {}) => {
      queue.current = queue.current.then(async () => {
        const body = bodyOf(true);
        const content = contentOf(body);
        if (finished.current || content === savedBody.current) return;
        setSaveState("saving");
        try {
          const res = await fetch(`/api/v1/surveys/${encodeURIComponent(slug)}/responses`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
            keepalive: opts.keepalive,
          });
          const reply = await res.json().catch(() => null);
          if (res.ok) {
            savedBody.current = content;
            accepted(reply as SubmissionResult);
            setOnServer(true);
            // Answers changed while this save was on its way are not saved yet: the next save is queued.
            setSaveState(contentOf(bodyOf(true)) === content ? "saved" : "saving");
          } else if (res.status === 409 && reply?.error === "stale_revision") {
            replaceWithNewer(reply as StaleRevisionBody);
          } else {
            setSaveState("local");
          }
        } catch {
          setSaveState("failed");
        }
      });
      return queue.current;
    },
    [bodyOf, slug, accepted, replaceWithNewer],
  );

  useEffect(() => {
    if (!restored || Object.keys(draft.answers).length === 0) return;
    // From the first change until the server has it, the page says "saving", never "saved".
    if (!finished.current && contentOf(bodyOf(true)) !== savedBody.current) setSaveState("saving");
    const timer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft.answers, restored, saveNow, bodyOf]);

  useEffect(() => {
    if (saveState !== "saving") return;
    // Closing the page with a change the server does not have yet asks first (the browser's own prompt).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saveState]);

  useEffect(() => {
    const onHide = () =>
      document.visibilityState === "hidden" &&
      Object.keys(latest.current.draft.answers).length &&
      void saveNow({ keepalive: true });
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

  return {
    draft,
    setDraft,
    restored,
    saveState,
    onServer,
    saveNow,
    bodyOf,
    replaceWithNewer,
    finish,
    pending: () => queue.current,
  };
}
