// next-intl request configuration: the language comes from the remembered choice (cookie),
// else the browser's Accept-Language, else Chinese. URLs stay language-neutral, so a shared
// dashboard link opens in the reader's own language.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type { AbstractIntlMessages } from "next-intl";
import { compileMessages } from "./compile-messages";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

export async function resolveLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

// Compiled once per language and process (compile-messages.ts explains why they are compiled);
// in development on every request, so that edited message files show at once.
const compiled = new Map<Locale, Promise<AbstractIntlMessages>>();

export function messagesOf(locale: Locale): Promise<AbstractIntlMessages> {
  if (!compiled.has(locale) || process.env.NODE_ENV === "development")
    compiled.set(
      locale,
      import(`../../messages/${locale}/index.ts`).then((m) => compileMessages(m.default)),
    );
  return compiled.get(locale)!;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: await messagesOf(locale) };
});
