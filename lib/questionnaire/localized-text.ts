// Picks a questionnaire label in the respondent's language, falling back to the other language
// when the designer wrote only one or left the other blank (a label needs text in at least one).
// Browser-safe.
import type { Locale, LocalizedText } from "./definition-schema";

export function localizedText(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return "";
  return (locale === "zh" ? text.zh || text.en : text.en || text.zh) || "";
}

/** What an item is called in this language: its title or label (either language), else its code. */
export function displayName(
  item: { code: string; title?: Partial<LocalizedText>; label?: Partial<LocalizedText> },
  locale: Locale,
): string {
  return localizedText(item.title ?? item.label, locale) || item.code;
}
