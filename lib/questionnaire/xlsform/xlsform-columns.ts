// The XLSForm columns we read and write, in one place so the reader and the writer cannot drift.
// Standard XLSForm columns (type, name, label::Language (code), hint, required, relevant,
// constraint, appearance; list_name on choices; form_id, form_title, default_language on
// settings) carry what KoboToolbox and ODK understand. What they have no column for rides in
// extra columns they ignore (docs/decisions/021-factor-mappings-in-xlsform.md). Pure.
import { LOCALES, type Locale } from "../definition-schema";

export const LANGUAGE_NAMES: Record<Locale, string> = { zh: "Chinese", en: "English" };

/** `label::English (en)`: a translated column as Kobo's and ODK's form builders write it. */
export const languageColumn = (base: string, locale: Locale) => `${base}::${LANGUAGE_NAMES[locale]} (${locale})`;

/** The language code of a translated column header, or undefined for a plain or other header. */
export function columnLanguage(header: string): { base: string; language: string; code?: string } | undefined {
  const match = /^([a-z_]+)::\s*(.+?)\s*$/i.exec(header);
  if (!match) return undefined;
  const code = /\(([A-Za-z-]+)\)\s*$/.exec(match[2])?.[1]?.toLowerCase();
  return { base: match[1].toLowerCase(), language: match[2], code };
}

export const isLocale = (code: string | undefined): code is Locale =>
  code !== undefined && (LOCALES as readonly string[]).includes(code);

/** Extra survey columns: the factor of a scale question or matrix row, and our question settings. */
export const SURVEY_EXTRA = {
  factor: "factor",
  level: "level",
  breakdown: "breakdown",
  attentionThreshold: "attention_threshold",
  topN: "top_n",
  /** "min..max" on a select_one (a scale question) or on a group (a matrix). */
  scale: "scale",
  /** The row code of a matrix row (its XLSForm name is prefixed with the matrix's code). */
  row: "row",
  derivesSizeClass: "derives_size_class",
  unit: "unit",
} as const;

/** Extra choices columns: the factor an option flags, and how it counts. */
export const CHOICE_EXTRA = { factor: "factor", exclusive: "exclusive", nonSubstantive: "non_substantive" } as const;

/** Settings columns beyond form_id, form_title and default_language. */
export const SETTINGS_EXTRA = { title: "title", description: "description", locales: "locales" } as const;

/** The sheet of factor definitions (code, level, labels), which Kobo and ODK ignore. */
export const FACTORS_SHEET = "factors";

export const YES = "yes";
/** XLSForm writes booleans as yes/true/1 (any case). */
export const isYes = (value: string) => /^(yes|true|1|true\(\))$/i.test(value.trim());
