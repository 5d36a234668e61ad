// Column headings and value labels of an export in the language asked for (messages/<locale>/
// export.json; screening rules and collector kinds as the response pages name them), read
// directly rather than through next-intl because an export's language is a parameter of the
// request, not the reader's interface language. Browser-safe and pure.
import en from "@/messages/en/export.json";
import zh from "@/messages/zh/export.json";
import enResponses from "@/messages/en/responses.json";
import zhResponses from "@/messages/zh/responses.json";
import type { Locale } from "@/lib/questionnaire/definition-schema";

export type ExportLabels = typeof en.columns & {
  rules: typeof enResponses.detail.rules;
  collectorKinds: typeof enResponses.detail.collectors;
};

export function exportLabels(locale: Locale): ExportLabels {
  const [messages, responses] = locale === "zh" ? [zh, zhResponses] : [en, enResponses];
  return { ...messages.columns, rules: responses.detail.rules, collectorKinds: responses.detail.collectors };
}
