// Interface languages and how a request's language is chosen. Browser-safe.
import type { Locale } from "@/lib/questionnaire/definition-schema";

export type { Locale };
/** The questionnaire format's languages (LOCALES of definition-schema.ts, checked equal by a unit test),
 * written out so that the language switch on every page does not pull zod into the browser. */
export const LOCALES = ["zh", "en"] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = "zh";
export const LOCALE_COOKIE = "locale";
export const LOCALE_NAMES: Record<Locale, string> = { zh: "中文", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header ("en-GB,en;q=0.9" → "en"). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.split("=")[1]) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find(isLocale);
}
