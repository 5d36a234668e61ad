// Reading cells of an XLSForm sheet: translated labels, codes, and where each came from. Pure.
import type { Locale, LocalizedText } from "../definition-schema";
import type { SheetRow } from "@/lib/text/read-sheets";
import { columnLanguage, isLocale } from "./xlsform-columns";
import type { XlsformIssue } from "./xlsform-issues";

/** Which language each translated column holds; plain `label` goes to the default language. */
export type LanguageMap = { defaultLocale: Locale; assumed: boolean };

/** A label from `base::Language (zh)` columns and a plain `base` column. */
export function localizedFrom(row: SheetRow, base: string, languages: LanguageMap): LocalizedText | undefined {
  const text: Partial<Record<Locale, string>> = {};
  for (const [header, value] of Object.entries(row.cells)) {
    if (header.toLowerCase() === base) text[languages.defaultLocale] ??= value;
    const lang = columnLanguage(header);
    if (lang?.base === base && isLocale(lang.code)) text[lang.code] = value;
  }
  return text.zh || text.en ? text : undefined;
}

/** An XLSForm name as one of our codes (lower case, a-z 0-9 _, starting with a letter). */
export function toCode(name: string, prefix: string): string {
  const code = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_");
  return (/^[a-z]/.test(code) ? code : `${prefix}_${code}`).slice(0, 64);
}

/** Names renamed to codes, reported once each, so relevant expressions and data can be matched. */
export class Renames {
  readonly issues: XlsformIssue[] = [];
  code(name: string, prefix: string, where: { sheet: string; row: number }): string {
    const code = toCode(name, prefix);
    if (code !== name)
      this.issues.push({ ...where, column: "name", code: "renamed", params: { from: name, to: code } });
    return code;
  }
}
