// Reads an XLSForm workbook (KoboToolbox, ODK, or our own export) into a questionnaire definition
// validated by the one questionnaire schema. Groups become sections (nested groups are flattened
// into their section, a group with a `scale` column is a matrix), notes a section's description.
// Whatever has no place in the definition is listed in `notMapped` with its sheet, row and
// column, never dropped silently; errors (nothing is imported) name the row and column too.
import {
  QuestionnaireDefinitionSchema,
  DEFINITION_FORMAT,
  LOCALES,
  type Locale,
  type QuestionnaireDefinition,
} from "../definition-schema";
import { readSheets, type Sheet, type SheetRow } from "@/lib/text/read-sheets";
import { columnLanguage, FACTORS_SHEET, isLocale, LANGUAGE_NAMES, SETTINGS_EXTRA } from "./xlsform-columns";
import type { XlsformIssue } from "./xlsform-issues";
import { Origins } from "./xlsform-origins";
import { Renames, localizedFrom, type LanguageMap } from "./xlsform-text";
import type { Choice } from "./row-reader";
import { SurveyWalk } from "./survey-walk";

export type XlsformImport =
  | { ok: true; definition: QuestionnaireDefinition; notMapped: XlsformIssue[] }
  | { ok: false; errors: XlsformIssue[]; notMapped: XlsformIssue[] };

const KNOWN_COLUMNS: Record<string, string[]> = {
  survey: [
    "type",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "appearance",
    "factor",
    "level",
    "breakdown",
    "attention_threshold",
    "top_n",
    "scale",
    "row",
    "derives_size_class",
    "unit",
  ],
  choices: ["list_name", "name", "label", "factor", "exclusive", "non_substantive"],
  settings: ["form_id", "form_title", "default_language", "title", "description", "locales"],
  [FACTORS_SHEET]: ["code", "level", "label", "description"],
};

/** Columns of a sheet that nothing reads, and translations into languages we do not have. */
function ignoredColumns(sheet: Sheet, key: string): XlsformIssue[] {
  const issues: XlsformIssue[] = [];
  for (const header of sheet.headers) {
    const lang = columnLanguage(header);
    const base = (lang?.base ?? header).toLowerCase();
    const first = sheet.rows.find((r) => r.cells[header] !== undefined);
    if (!first) continue;
    const where = { sheet: sheet.name, row: first.row, column: header };
    if (!KNOWN_COLUMNS[key].includes(base)) issues.push({ ...where, code: "column_ignored" });
    else if (lang && !isLocale(lang.code))
      issues.push({ ...where, code: "language_not_supported", params: { language: lang.language } });
  }
  return issues;
}

function languagesOf(settings: SheetRow | undefined, sheets: Sheet[]): LanguageMap & { notice?: XlsformIssue } {
  const declared = settings?.cells.default_language;
  const byName = Object.entries(LANGUAGE_NAMES).find(([, name]) =>
    declared?.toLowerCase().startsWith(name.toLowerCase()),
  );
  const code = declared ? (/\(([A-Za-z-]+)\)/.exec(declared)?.[1]?.toLowerCase() ?? byName?.[0]) : undefined;
  if (isLocale(code)) return { defaultLocale: code, assumed: false };
  const plain = sheets
    .flatMap((s) => s.headers.map((h) => ({ sheet: s.name, h })))
    .find((x) => /^(label|hint)$/i.test(x.h));
  return {
    defaultLocale: "en",
    assumed: true,
    notice: plain && {
      sheet: plain.sheet,
      row: null,
      column: plain.h,
      code: "language_assumed",
      params: { language: LANGUAGE_NAMES.en },
    },
  };
}

function localesOf(settings: SheetRow | undefined, sheets: Sheet[], languages: LanguageMap): Locale[] {
  const declared = settings?.cells[SETTINGS_EXTRA.locales]?.split(/[\s,]+/).filter(isLocale);
  if (declared?.length) return declared;
  const used = new Set<Locale>();
  for (const s of sheets)
    for (const h of s.headers) {
      const code = columnLanguage(h)?.code;
      if (isLocale(code)) used.add(code);
      else if (/^label$/i.test(h)) used.add(languages.defaultLocale);
    }
  return LOCALES.filter((l) => used.has(l));
}

function choicesByList(sheet: Sheet | undefined): Map<string, Choice[]> {
  const lists = new Map<string, Choice[]>();
  for (const row of sheet?.rows ?? []) {
    const list = row.cells.list_name;
    if (!list || row.cells.name === undefined) continue;
    lists.set(list, [...(lists.get(list) ?? []), { sheet: sheet!.name, ...row }]);
  }
  return lists;
}

/** Reads the workbook's sheets into a definition; see the file comment. */
export function xlsformToDefinition(sheets: Map<string, Sheet>): XlsformImport {
  const survey = sheets.get("survey");
  if (!survey)
    return { ok: false, errors: [{ sheet: "survey", row: null, column: null, code: "missing_sheet" }], notMapped: [] };
  const missing = ["type", "name"].filter((c) => !survey.headers.some((h) => h.toLowerCase() === c));
  if (missing.length)
    return {
      ok: false,
      errors: missing.map((column) => ({ sheet: survey.name, row: 1, column, code: "missing_column" as const })),
      notMapped: [],
    };
  const settingsSheet = sheets.get("settings");
  const settings = settingsSheet?.rows[0];
  const present = [...sheets.entries()].filter(([key]) => key in KNOWN_COLUMNS).map(([, s]) => s);
  const languages = languagesOf(settings, present);
  const notMapped: XlsformIssue[] = [];
  if (languages.notice) notMapped.push(languages.notice);
  for (const [key, sheet] of sheets) if (key in KNOWN_COLUMNS) notMapped.push(...ignoredColumns(sheet, key));

  const origins = new Origins();
  const renames = new Renames();
  const settingsWhere = { sheet: settingsSheet?.name ?? "settings", row: settings?.row ?? 2 };
  origins.set([], { ...settingsWhere, kind: "settings" });

  const factorsSheet = sheets.get(FACTORS_SHEET);
  const factors = (factorsSheet?.rows ?? []).map((row, i) => {
    origins.set(["factors", i], { sheet: factorsSheet!.name, row: row.row, kind: "factor" });
    return {
      code: renames.code(row.cells.code ?? "", "f", { sheet: factorsSheet!.name, row: row.row }),
      level: row.cells.level,
      label: localizedFrom(row, "label", languages),
      ...(localizedFrom(row, "description", languages)
        ? { description: localizedFrom(row, "description", languages) }
        : {}),
    };
  });

  const walk = new SurveyWalk({
    sheet: survey.name,
    lists: choicesByList(sheets.get("choices")),
    languages,
    origins,
    renames,
  });
  for (const row of survey.rows) walk.visit(row);
  walk.finish();
  notMapped.push(...walk.notMapped);
  if (walk.errors.length) return { ok: false, errors: walk.errors, notMapped: [...notMapped, ...renames.issues] };

  const formId = settings?.cells.form_id ?? "";
  const code = formId ? renames.code(formId, "q", settingsWhere) : "xlsform";
  const titleText = settings && localizedFrom(settings, SETTINGS_EXTRA.title, languages);
  const formTitle = settings?.cells.form_title;
  const title =
    titleText ?? (formTitle ? { [languages.defaultLocale]: formTitle } : { [languages.defaultLocale]: code });
  const description = settings && localizedFrom(settings, SETTINGS_EXTRA.description, languages);
  const defaultLanguage = settings?.cells.default_language;
  const raw = {
    format: DEFINITION_FORMAT,
    code,
    title,
    ...(description ? { description } : {}),
    locales: localesOf(settings, present, languages),
    ...(defaultLanguage && !languages.assumed ? { defaultLocale: languages.defaultLocale } : {}),
    factors,
    sections: walk.sections(),
  };
  const parsed = QuestionnaireDefinitionSchema.safeParse(raw);
  const allNotMapped = [...notMapped, ...renames.issues];
  if (!parsed.success) return { ok: false, errors: origins.issuesOf(parsed.error), notMapped: allNotMapped };
  return { ok: true, definition: parsed.data, notMapped: allNotMapped };
}

export async function parseXlsform(bytes: ArrayBuffer | Uint8Array): Promise<XlsformImport> {
  const sheets = await readSheets(bytes);
  if (!sheets)
    return { ok: false, errors: [{ sheet: "", row: null, column: null, code: "not_a_workbook" }], notMapped: [] };
  return xlsformToDefinition(sheets);
}
