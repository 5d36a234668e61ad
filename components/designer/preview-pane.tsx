"use client";
// The live preview is the respondent's own page component (components/questionnaire), in a
// phone-sized frame, in either language. While the draft has issues it shows the last state that
// passed validation, so the preview never renders a questionnaire respondents could not get.
import { useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { QuestionnaireView } from "@/components/questionnaire/questionnaire-view";
import type { Answers } from "@/lib/questionnaire/answer-values";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";

export function PreviewPane({ definition, stale }: { definition: QuestionnaireDefinition | null; stale: boolean }) {
  const t = useTranslations("designer.preview");
  const [locale, setLocale] = useState<Locale>(useLocale() === "en" ? "en" : "zh");
  const [answers, setAnswers] = useState<Answers>({});
  const [sectionCode, setSectionCode] = useState("");
  const [finished, setFinished] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  return (
    <aside aria-label={t("title")} className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">{t("title")}</h2>
        <div role="group" aria-label={t("language")} className="flex rounded-md border border-slate-300 text-xs">
          {LOCALES.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={l === locale}
              onClick={() => setLocale(l)}
              className="min-h-8 px-3 first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-700 aria-pressed:text-white"
            >
              {LOCALE_NAMES[l]}
            </button>
          ))}
        </div>
      </div>
      {stale && <p className="text-xs text-amber-800">{t("stale")}</p>}
      {/* 390 x 760 CSS pixels: the viewport of a common phone. */}
      <div
        ref={frame}
        lang={locale}
        data-testid="preview-frame"
        className="mx-auto h-[760px] w-full max-w-[390px] overflow-y-auto rounded-[2rem] border-8 border-slate-800 bg-white p-4 shadow-lg"
      >
        {!definition ? (
          <p className="text-sm text-slate-600">{t("unavailable")}</p>
        ) : finished ? (
          <div className="space-y-3 text-sm">
            <p>{t("finished")}</p>
            <button
              type="button"
              className="underline"
              onClick={() => (setFinished(false), setAnswers({}), setSectionCode(""))}
            >
              {t("restart")}
            </button>
          </div>
        ) : (
          <QuestionnaireView
            definition={definition}
            locale={locale}
            answers={answers}
            onAnswersChange={setAnswers}
            sectionCode={sectionCode}
            onSectionChange={(code) => {
              setSectionCode(code);
              frame.current?.scrollTo({ top: 0 });
            }}
            onFinish={() => setFinished(true)}
          />
        )}
      </div>
    </aside>
  );
}
