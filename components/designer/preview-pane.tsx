"use client";
// The live preview is the respondent's own page component (components/questionnaire), drawn in an
// iframe 390 CSS pixels wide, the viewport of a common phone: its media queries see a phone, so
// the preview has the phone's layout, not the designer's desktop breakpoints. The iframe borrows
// the page's style sheets, and React renders into it through a portal, so it stays one app. It
// follows the draft as it is, problems included (preview-definition.ts makes it renderable).
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useLocale, useTranslations } from "next-intl";
import { QuestionnaireView } from "@/components/questionnaire/questionnaire-view";
import type { Answers } from "@/lib/questionnaire/answer-values";
import type { Locale, QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";

const PHONE = { width: 390, height: 760 };

/** Gives the iframe the page's fonts and style sheets, and returns the element to render into. */
function prepareFrame(frame: HTMLIFrameElement): HTMLElement | null {
  const doc = frame.contentDocument;
  if (!doc) return null;
  doc.documentElement.className = document.documentElement.className;
  for (const sheet of document.querySelectorAll('link[rel="stylesheet"], style'))
    doc.head.appendChild(sheet.cloneNode(true));
  doc.body.className = "bg-white font-sans text-slate-900 antialiased";
  return doc.body;
}

export function PreviewPane({ definition }: { definition: QuestionnaireDefinition }) {
  const t = useTranslations("designer.preview");
  const [locale, setLocale] = useState<Locale>(useLocale() === "en" ? "en" : "zh");
  const [answers, setAnswers] = useState<Answers>({});
  const [sectionCode, setSectionCode] = useState("");
  const [finished, setFinished] = useState(false);
  const [body, setBody] = useState<HTMLElement | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const iframe = frame.current!;
    const ready = () => setBody(prepareFrame(iframe));
    // A server-rendered iframe may have loaded before React hydrated, with no load event left to see.
    if (iframe.contentDocument?.readyState === "complete") ready();
    iframe.addEventListener("load", ready);
    return () => iframe.removeEventListener("load", ready);
  }, []);
  const content =
    definition.sections.length === 0 ? (
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
          body?.ownerDocument.defaultView?.scrollTo({ top: 0 });
        }}
        onFinish={() => setFinished(true)}
      />
    );
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
      <div className="mx-auto w-fit max-w-full overflow-hidden rounded-[2rem] border-8 border-slate-800 bg-white shadow-lg">
        <iframe
          title={t("frameTitle")}
          data-testid="preview-frame"
          srcDoc="<!DOCTYPE html><html><head></head><body></body></html>"
          width={PHONE.width}
          height={PHONE.height}
          className="block max-w-full"
          ref={frame}
        />
      </div>
      {body &&
        createPortal(
          <div lang={locale} className="p-4">
            {content}
          </div>,
          body,
        )}
    </aside>
  );
}
