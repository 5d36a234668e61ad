// A questionnaire definition as an XLSForm workbook (survey, choices, settings, and a factors
// sheet), for KoboToolbox and ODK. Sections become groups, a section's description a note at the
// start of its group, a matrix a field-list group of one select_one per row; factor mappings and
// other settings XLSForm has no column for ride in extra columns (xlsform-columns.ts), so that
// parse-xlsform.ts reads the workbook back to the same definition.
import ExcelJS from "exceljs";
import {
  LOCALES,
  type LocalizedText,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "../definition-schema";
import { writeRelevant } from "./relevant-expression";
import {
  CHOICE_EXTRA,
  FACTORS_SHEET,
  SETTINGS_EXTRA,
  SURVEY_EXTRA,
  YES,
  LANGUAGE_NAMES,
  languageColumn,
} from "./xlsform-columns";

type Row = Record<string, string | number>;
export type XlsformSheet = { name: string; columns: string[]; rows: Row[] };

const texts = (base: string, text: LocalizedText | undefined): Row =>
  Object.fromEntries(LOCALES.filter((l) => text?.[l]).map((l) => [languageColumn(base, l), text![l]!]));

const choiceRow = (list: string, name: string | number, label: LocalizedText, extra: Row = {}): Row => ({
  list_name: list,
  name,
  ...texts("label", label),
  ...extra,
});

function numberConstraint(min: number | undefined, max: number | undefined): string {
  return [min !== undefined ? `. >= ${min}` : "", max !== undefined ? `. <= ${max}` : ""].filter(Boolean).join(" and ");
}

/** The survey rows and choice rows of one question. */
function questionRows(q: QuestionDefinition): { survey: Row[]; choices: Row[] } {
  const common: Row = {
    name: q.code,
    ...texts("label", q.label),
    ...texts("hint", q.help),
    ...(q.required ? { required: YES } : {}),
    ...(q.showIf ? { relevant: writeRelevant(q.showIf) } : {}),
  };
  const options = (list: string) =>
    "options" in q
      ? q.options.map((o) =>
          choiceRow(list, o.code, o.label, {
            ...(o.factor ? { [CHOICE_EXTRA.factor]: o.factor } : {}),
            ...(o.exclusive ? { [CHOICE_EXTRA.exclusive]: YES } : {}),
            ...(o.nonSubstantive ? { [CHOICE_EXTRA.nonSubstantive]: YES } : {}),
          }),
        )
      : [];
  const scaleChoices = (list: string, scale: Extract<QuestionDefinition, { scale: unknown }>["scale"]) =>
    scale.points
      ? scale.points.map((p) =>
          choiceRow(list, p.value, p.label, p.nonSubstantive ? { [CHOICE_EXTRA.nonSubstantive]: YES } : {}),
        )
      : // Unlabelled points still need choices for Kobo to show; a label equal to the value reads back as none.
        Array.from({ length: scale.max - scale.min + 1 }, (_, i) =>
          choiceRow(list, scale.min + i, { zh: String(scale.min + i), en: String(scale.min + i) }),
        );
  const threshold = (t: number | undefined): Row => (t !== undefined ? { [SURVEY_EXTRA.attentionThreshold]: t } : {});

  switch (q.type) {
    case "single":
      return {
        survey: [
          {
            type: `select_one ${q.code}`,
            ...common,
            ...(q.breakdown ? { [SURVEY_EXTRA.breakdown]: q.breakdown } : {}),
          },
        ],
        choices: options(q.code),
      };
    case "multi":
      return {
        survey: [
          {
            type: `select_multiple ${q.code}`,
            ...common,
            ...(q.maxSelections ? { constraint: `count-selected(.) <= ${q.maxSelections}` } : {}),
          },
        ],
        choices: options(q.code),
      };
    case "rank":
      return {
        survey: [{ type: `rank ${q.code}`, ...common, [SURVEY_EXTRA.topN]: q.topN }],
        choices: options(q.code),
      };
    case "scale":
      return {
        survey: [
          {
            type: `select_one ${q.code}`,
            ...common,
            [SURVEY_EXTRA.scale]: `${q.scale.min}..${q.scale.max}`,
            ...(q.factor ? { [SURVEY_EXTRA.factor]: q.factor } : {}),
            ...threshold(q.attentionThreshold),
          },
        ],
        choices: scaleChoices(q.code, q.scale),
      };
    case "matrix":
      return {
        survey: [
          {
            type: "begin_group",
            ...common,
            appearance: "field-list",
            [SURVEY_EXTRA.scale]: `${q.scale.min}..${q.scale.max}`,
            ...threshold(q.attentionThreshold),
          },
          ...q.rows.map((r) => ({
            type: `select_one ${q.code}`,
            name: `${q.code}_${r.code}`,
            ...texts("label", r.label),
            ...(q.required ? { required: YES } : {}),
            [SURVEY_EXTRA.row]: r.code,
            ...(r.factor ? { [SURVEY_EXTRA.factor]: r.factor } : {}),
          })),
          { type: "end_group", name: q.code },
        ],
        choices: scaleChoices(q.code, q.scale),
      };
    case "number": {
      const constraint = numberConstraint(q.min, q.max);
      return {
        survey: [
          {
            type: q.integer ? "integer" : "decimal",
            ...common,
            ...(constraint ? { constraint } : {}),
            ...texts(SURVEY_EXTRA.unit, q.unit),
            ...(q.derivesSizeClass ? { [SURVEY_EXTRA.derivesSizeClass]: YES } : {}),
          },
        ],
        choices: [],
      };
    }
    case "text":
      return {
        survey: [
          {
            type: "text",
            ...common,
            constraint: `string-length(.) <= ${q.maxLength}`,
            ...(q.multiline ? { appearance: "multiline" } : {}),
          },
        ],
        choices: [],
      };
  }
}

/** The sheets of the workbook, as rows keyed by column header. */
export function xlsformSheets(def: QuestionnaireDefinition): XlsformSheet[] {
  const survey: Row[] = [];
  const choices: Row[] = [];
  for (const section of def.sections) {
    survey.push({
      type: "begin_group",
      name: section.code,
      ...texts("label", section.title),
      ...(section.level ? { [SURVEY_EXTRA.level]: section.level } : {}),
    });
    if (section.description)
      survey.push({ type: "note", name: `${section.code}_note`, ...texts("label", section.description) });
    for (const q of section.questions) {
      const rows = questionRows(q);
      survey.push(...rows.survey);
      choices.push(...rows.choices);
    }
    survey.push({ type: "end_group", name: section.code });
  }
  const defaultLocale = def.defaultLocale ?? def.locales[0];
  const settings: Row = {
    form_id: def.code,
    form_title: def.title[defaultLocale] ?? def.title.zh ?? def.title.en ?? def.code,
    ...(def.defaultLocale ? { default_language: `${LANGUAGE_NAMES[def.defaultLocale]} (${def.defaultLocale})` } : {}),
    ...texts(SETTINGS_EXTRA.title, def.title),
    ...texts(SETTINGS_EXTRA.description, def.description),
    [SETTINGS_EXTRA.locales]: def.locales.join(" "),
  };
  const factors = def.factors.map((f) => ({
    code: f.code,
    level: f.level,
    ...texts("label", f.label),
    ...texts("description", f.description),
  }));
  const columnsOf = (rows: Row[], first: string[]) => {
    const seen = new Set(first);
    for (const r of rows) for (const key of Object.keys(r)) seen.add(key);
    return [...seen];
  };
  const labelColumns = (base: string) => LOCALES.map((l) => languageColumn(base, l));
  return [
    {
      name: "survey",
      columns: columnsOf(survey, ["type", "name", ...labelColumns("label"), ...labelColumns("hint"), "required"]),
      rows: survey,
    },
    { name: "choices", columns: columnsOf(choices, ["list_name", "name", ...labelColumns("label")]), rows: choices },
    {
      name: "settings",
      columns: columnsOf([settings], ["form_id", "form_title", "default_language"]),
      rows: [settings],
    },
    { name: FACTORS_SHEET, columns: columnsOf(factors, ["code", "level", ...labelColumns("label")]), rows: factors },
  ];
}

export async function writeXlsform(def: QuestionnaireDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of xlsformSheets(def)) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.columns);
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => row[c] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
