// The interface texts for an API answer, in the caller's language, read from the request itself
// (?locale=, the language cookie a browser sends, then Accept-Language): no Next request scope is
// needed, so a script, a browser's fetch and a route handler called in a test are all answered
// alike. The compiled messages are shared with the pages (lib/i18n/request.ts).
import "server-only";
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
import { messagesOf } from "./request";

/** A message's text by its full key ("jobs.errors.expired"), with its values. */
export type ApiTranslate = (key: string, values?: Record<string, string | number>) => string;

export function requestLocale(request: Request): Locale {
  const asked = new URL(request.url).searchParams.get("locale");
  if (isLocale(asked)) return asked;
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

export async function apiTranslator(request: Request): Promise<ApiTranslate> {
  const locale = requestLocale(request);
  const t = createTranslator({ locale, messages: await messagesOf(locale) });
  return (key, values) => t(key as never, values as never);
}
