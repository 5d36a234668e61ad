"use client";
// The public fill-in flow: the questionnaire in the interface language (switching keeps every
// answer), saved as it is typed, submitted once under one submissionId whatever the retries.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import type { StaleRevisionBody } from "@/lib/responses/submission-schema";
import { QuestionnaireView } from "./questionnaire-view";
import { ResumeLink } from "./resume-link";
import { useResponseDraft, type InitialDraft } from "./use-response-draft";

type SubmitError = { key: string; values?: Record<string, number>; details?: string[] };

const ERROR_KEYS: Record<string, string> = {
  survey_closed: "closed",
  survey_not_open: "closed",
  token_used: "tokenUsed",
  token_invalid: "tokenInvalid",
  token_required: "tokenInvalid",
  quota_full: "quotaFull",
  submission_conflict: "conflict",
  stale_revision: "stale",
  payload_too_large: "tooLarge",
  validation_failed: "fixErrors",
};

export function contentLocaleOf(def: QuestionnaireDefinition, uiLocale: Locale): Locale {
  return def.locales.includes(uiLocale) ? uiLocale : (def.defaultLocale ?? def.locales[0]);
}

export function RespondentForm(props: {
  slug: string;
  definition: QuestionnaireDefinition;
  token?: string;
  initial: InitialDraft;
}) {
  const { slug, definition, token } = props;
  const t = useTranslations("respondent");
  const router = useRouter();
  const locale = contentLocaleOf(definition, useLocale() as Locale);
  const store = useResponseDraft({ slug, token, definition, locale, initial: props.initial });
  const { draft, setDraft } = store;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SubmitError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    await store.pending();
    try {
      const res = await fetch(`/api/v1/surveys/${encodeURIComponent(slug)}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(store.bodyOf(false)),
      });
      if (res.ok) {
        store.finish();
        router.push(`/s/${encodeURIComponent(slug)}/thanks`);
        return;
      }
      const body = (await res.json().catch(() => ({}))) as {
        error?: string;
        retryAfterSeconds?: number;
        issues?: { message: string }[];
      };
      // Answers saved on another device are newer: they replace this page's, to be checked before submitting.
      if (body.error === "stale_revision") store.replaceWithNewer(body as StaleRevisionBody);
      if (res.status === 429) setError({ key: "rateLimited", values: { seconds: body.retryAfterSeconds ?? 60 } });
      else setError({ key: ERROR_KEYS[body.error ?? ""] ?? "server", details: body.issues?.map((i) => i.message) });
    } catch {
      setError({ key: "network" });
    }
    setBusy(false);
  };

  const saveText = {
    idle: "",
    saving: t("form.saving"),
    saved: t("form.saved"),
    local: t("form.savedLocally"),
    failed: t("form.saveFailed"),
    replaced: t("form.replacedByNewer"),
  }[store.saveState];

  return (
    <div className="space-y-6">
      <QuestionnaireView
        definition={definition}
        locale={locale}
        answers={draft.answers}
        onAnswersChange={(answers) => setDraft((d) => ({ ...d, answers }))}
        sectionCode={draft.sectionCode}
        onSectionChange={(sectionCode) => {
          setDraft((d) => ({ ...d, sectionCode }));
          void store.saveNow();
        }}
        onFinish={submit}
        busy={busy}
        footer={
          <>
            {error && (
              <div role="alert" className="rounded-md border border-red-700 bg-red-50 p-4 text-red-800">
                <p className="font-medium">{t(`submit.${error.key}` as "submit.server", error.values ?? {})}</p>
                {error.details && error.details.length > 0 && (
                  <ul className="mt-2 list-disc pl-5">
                    {error.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            <p role="status" className="min-h-5 text-sm text-slate-600">
              {saveText}
            </p>
          </>
        }
      />
      {!token && store.onServer && <ResumeLink slug={slug} submissionId={draft.submissionId} />}
    </div>
  );
}
