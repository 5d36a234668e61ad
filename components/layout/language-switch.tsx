"use client";
// Switches the interface language and remembers it; the current page re-renders in place,
// so nothing typed into a form on it is lost.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/locales";
import { setLocale } from "@/lib/i18n/set-locale-action";

export function LanguageSwitch() {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex rounded-md border border-slate-300 text-sm">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className="min-h-9 px-3 first:rounded-l-md last:rounded-r-md aria-pressed:bg-brand-700 aria-pressed:text-white"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
