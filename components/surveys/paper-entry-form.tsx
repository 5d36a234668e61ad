"use client";
// Paper entry reuses the respondent's questionnaire component, so a keyed-in questionnaire is
// checked by exactly the rules an online one is. Each questionnaire gets its own submissionId,
// so a double click stores it once.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { QuestionnaireView } from "@/components/questionnaire/questionnaire-view";
import { Button } from "@/components/ui/button";
import type { Answers } from "@/lib/questionnaire/answer-values";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { LOCALE_NAMES } from "@/lib/i18n/locales";

/** crypto.randomUUID exists only on HTTPS or localhost; a plain-HTTP intranet install gets the same from getRandomValues. */
function newSubmissionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Outcome =
  { kind: "stored"; id: string; screened: boolean } | { kind: "not_found" } | { kind: "invalid"; issues: unknown[] };

export function PaperEntryForm(props: {
  slug: string;
  definition: QuestionnaireDefinition;
  enter: (input: unknown) => Promise<Outcome>;
}) {
  const t = useTranslations("responses.paper");
  const [locale, setLocale] = useState<Locale>(props.definition.defaultLocale ?? props.definition.locales[0]);
  const [answers, setAnswers] = useState<Answers>({});
  const [sectionCode, setSectionCode] = useState("");
  const [submissionId, setSubmissionId] = useState(() => newSubmissionId());
  const [stored, setStored] = useState<{ id: string; screened: boolean; count: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const finish = () =>
    startTransition(async () => {
      setError(null);
      const outcome = await props.enter({ submissionId, locale, answers });
      if (outcome.kind !== "stored") return setError(t(outcome.kind === "invalid" ? "invalid" : "notFound"));
      setStored((s) => ({ id: outcome.id, screened: outcome.screened, count: (s?.count ?? 0) + 1 }));
      setAnswers({});
      setSectionCode("");
      setSubmissionId(newSubmissionId());
      window.scrollTo({ top: 0 });
    });

  return (
    <div className="max-w-2xl space-y-4">
      <div role="group" aria-label={t("language")} className="flex w-fit rounded-md border border-slate-300 text-sm">
        {props.definition.locales.map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={l === locale}
            onClick={() => setLocale(l)}
            className="min-h-9 px-3 first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-700 aria-pressed:text-white"
          >
            {LOCALE_NAMES[l]}
          </button>
        ))}
      </div>
      <div aria-live="polite">
        {stored && (
          <p
            className="rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900"
            data-testid="paper-stored"
          >
            {t("stored", { count: stored.count })} {stored.screened && t("screenedDuplicate")}{" "}
            <a className="underline" href={`/surveys/${props.slug}/responses/${stored.id}`}>
              {t("open")}
            </a>
          </p>
        )}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4" lang={locale}>
        <QuestionnaireView
          key={submissionId}
          definition={props.definition}
          locale={locale}
          answers={answers}
          onAnswersChange={setAnswers}
          sectionCode={sectionCode}
          onSectionChange={setSectionCode}
          onFinish={finish}
          busy={pending}
          footer={
            error ? (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null
          }
        />
      </div>
      <Button
        type="button"
        variant="ghost"
        onClick={() => (setAnswers({}), setSectionCode(""), setSubmissionId(newSubmissionId()))}
      >
        {t("clear")}
      </Button>
    </div>
  );
}
