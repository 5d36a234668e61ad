// The questionnaire as a DDI-Codebook 2.5 document (schemas/ddi-codebook-2.5.1/codebook.xsd,
// the DDI Alliance's published schema): the study's title, every variable of the response
// export with its labels, question text and categories in both languages, "don't know /
// refused" categories marked missing, the constraint factor each variable counts for as a
// concept, and each multi-select question as a multiple-response variable group. Pure.
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { LOCALES, type Locale } from "@/lib/questionnaire/definition-schema";
import { localizedText } from "@/lib/questionnaire/localized-text";
import { exportLabels } from "./export-labels";
import { statisticalDataset, type StatisticalVariable } from "./statistical-variables";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const element = (name: string, lang: Locale, text: string) =>
  text ? `<${name} xml:lang="${lang}">${escape(text)}</${name}>` : "";

const NATURE = { nominal: "nominal", ordinal: "ordinal", scale: "ratio" } as const;

/** A variable as described in each language (same variable, same position in every list). */
type Bilingual = Record<Locale, StatisticalVariable>;

function variableXml(v: Bilingual, id: string): string {
  const { zh, en } = v;
  const each = (render: (variable: StatisticalVariable, lang: Locale) => string) =>
    LOCALES.map((lang) => render(v[lang], lang)).join("");
  const attributes = [
    `ID="${id}"`,
    `name="${escape(en.spssName)}"`,
    `intrvl="${en.measure === "scale" ? "contin" : "discrete"}"`,
    `nature="${NATURE[en.measure]}"`,
    ...(en.kind === "numeric" && en.decimals ? [`dcml="${en.decimals}"`] : []),
  ];
  const question = en.question
    ? `<qstn>${each((x, lang) => (x.question ? element("qstnLit", lang, localizedText(x.question.label, lang)) : ""))}</qstn>`
    : "";
  const categories = en.valueLabels
    .map(
      (label, i) =>
        `<catgry${en.missing.includes(label.value) ? ` missing="Y"` : ""}><catValu>${label.value}</catValu>` +
        each((x, lang) => element("labl", lang, x.valueLabels[i].label)) +
        `</catgry>`,
    )
    .join("");
  const concept = en.factor
    ? `<concept vocab="sme-survey factor, level ${en.factor.level}">${escape(en.factor.code)}</concept>`
    : "";
  const format =
    en.kind === "string"
      ? `<varFormat type="character" schema="other" otherSchema="UTF-8"/>`
      : en.kind === "datetime"
        ? `<varFormat type="numeric" category="date" schema="SPSS" formatname="DATETIME"/>`
        : `<varFormat type="numeric"/>`;
  return (
    `<var ${attributes.join(" ")}>` +
    each((x, lang) => element("labl", lang, x.label)) +
    question +
    categories +
    concept +
    format +
    (zh.column !== zh.spssName ? `<notes>${escape(`CSV column ${zh.column}`)}</notes>` : "") +
    `</var>`
  );
}

export function writeDdi(options: {
  definitions: QuestionnaireDefinition[];
  slug: string;
  title: Record<Locale, string>;
}): string {
  const { definitions, slug, title } = options;
  const datasets = Object.fromEntries(
    LOCALES.map((lang) => [lang, statisticalDataset({ definitions, locale: lang, labels: exportLabels(lang) })]),
  ) as Record<Locale, ReturnType<typeof statisticalDataset>>;
  const ids = datasets.en.variables.map((v) => `V_${v.spssName}`);
  const variables = datasets.en.variables.map((_, i) =>
    variableXml({ zh: datasets.zh.variables[i], en: datasets.en.variables[i] }, ids[i]),
  );
  const groups = datasets.en.mrSets.map(
    (set, g) =>
      `<varGrp ID="G_${set.name}" type="multipleResp" name="$${escape(set.name)}" var="${set.variables.map((i) => ids[i]).join(" ")}">` +
      LOCALES.map((lang) => element("labl", lang, datasets[lang].mrSets[g].label)).join("") +
      `</varGrp>`,
  );
  const [first, ...others] = LOCALES.filter((lang) => title[lang]);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<codeBook xmlns="ddi:codebook:2_5" version="2.5" ID="survey-${escape(slug)}">` +
    `<stdyDscr><citation><titlStmt>` +
    element("titl", first, title[first]) +
    others.map((lang) => element("parTitl", lang, title[lang])).join("") +
    `<IDNo>${escape(slug)}</IDNo>` +
    `</titlStmt></citation></stdyDscr>` +
    `<dataDscr>${groups.join("")}${variables.join("")}</dataDscr>` +
    `</codeBook>\n`
  );
}
