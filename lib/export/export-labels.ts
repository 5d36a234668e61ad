// Column headings of an export in the language asked for (messages/<locale>/export.json), read
// directly rather than through next-intl because an export's language is a parameter of the
// request, not the reader's interface language. Browser-safe and pure.
import en from "@/messages/en/export.json";
import zh from "@/messages/zh/export.json";
import type { Locale } from "@/lib/questionnaire/definition-schema";

export type ExportLabels = typeof en.columns;

export function exportLabels(locale: Locale): ExportLabels {
  return locale === "zh" ? zh.columns : en.columns;
}
