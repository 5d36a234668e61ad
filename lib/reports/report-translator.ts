// The report's texts in the language it is asked in, which may differ from the viewer's interface
// language (?locale=): the page and the PDF endpoint read them through the same translator, with
// no Next request scope, so a route handler called in a test renders the same words.
import "server-only";
import { createTranslator } from "next-intl";
import { messagesOf } from "@/lib/i18n/request";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import type { ReportTranslate } from "./report-method-notes";

export async function reportTranslator(locale: Locale): Promise<ReportTranslate> {
  const t = createTranslator({ locale, messages: await messagesOf(locale) });
  return (key, values) => t(key as never, values as never);
}
