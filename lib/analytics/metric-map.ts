// The compiled metric map: every counting rule of a questionnaire version, as rows. Publishing a
// version stores these rows (table metric_map); the result-cell triggers join answers to them in
// SQL (prisma/sql/analytics/contributions.sql), and the dashboard, comparisons and exports read
// the same rows, so that nothing counts differently anywhere (DESIGN.md §4, ADR 009).
//
// One row per answer a firm can give that counts (an option, a matrix row, a scale answer) and
// scope it counts in. A row says:
//   scope      the factor's own level, whatever question carries it
//   item       what one firm answers once (the question; for a matrix, one row)
//   baseKey    the base the row's share divides by: its item, or "f:<factor>" when several items
//              carry the factor (then a firm is in its base when it answered any of them)
//   metric     "f:<factor>", "o:<question>.<option>" for unmapped substantive options such as
//              "none of these" (each question's own), or null (a ranked unmapped option: it
//              answers the item, counts nowhere)
//   rule       what makes the answer a concern: chosen, ranked within the top N, at or above a value
//   substantive / nonSubstantiveValues: "don't know / refused" options and scale points leave
//              the item's base (and the level's, when the firm answered nothing else in it).
// Browser-safe and pure.
import {
  FACTOR_LEVELS,
  listQuestions,
  type FactorLevel,
  type LocalizedText,
  type QuestionDefinition,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";

export type ConcernRule = "chosen" | "top_n" | "at_least";

export type MetricMapRow = {
  questionCode: string;
  /** The option or matrix row answered; "" for a scale question's own answer. */
  answerCode: string;
  /** Null for a non-substantive answer, which counts in no scope. */
  scope: FactorLevel | null;
  item: string;
  baseKey: string | null;
  metric: string | null;
  concernRule: ConcernRule | null;
  topN: number | null;
  threshold: number | null;
  substantive: boolean;
  nonSubstantiveValues: number[];
};

type Question = QuestionDefinition;

/** The factor codes a question carries, in definition order. */
function carriedFactors(q: Question): string[] {
  if (q.type === "scale") return q.factor ? [q.factor] : [];
  if (q.type === "matrix") return q.rows.flatMap((r) => (r.factor ? [r.factor] : []));
  if ("options" in q) return q.options.flatMap((o) => (o.factor ? [o.factor] : []));
  return [];
}

const matrixItem = (questionCode: string, rowCode: string) => `${questionCode}.${rowCode}`;

/** Compiles a version's counting rules into rows (stored by publishVersion, read everywhere). */
export function compileMetricMap(def: QuestionnaireDefinition): MetricMapRow[] {
  const levelOf = new Map(def.factors.map((f) => [f.code, f.level]));
  // Items carrying each factor: a matrix row is an item of its own, any other question is one.
  const carriers = new Map<string, Set<string>>();
  for (const { question: q } of listQuestions(def)) {
    if (q.type === "matrix")
      for (const r of q.rows) if (r.factor) addTo(carriers, r.factor, matrixItem(q.code, r.code));
    for (const code of q.type === "matrix" ? [] : carriedFactors(q)) addTo(carriers, code, q.code);
  }
  const baseKeyOf = (factor: string, item: string) => ((carriers.get(factor)?.size ?? 0) > 1 ? `f:${factor}` : item);

  const rows: MetricMapRow[] = [];
  const base = { topN: null, threshold: null, nonSubstantiveValues: [] as number[] };
  for (const { question: q } of listQuestions(def)) {
    const factors = carriedFactors(q);
    if (factors.length === 0) continue;
    if (q.type === "scale" || q.type === "matrix") {
      const nonSubstantiveValues = (q.scale.points ?? []).filter((p) => p.nonSubstantive).map((p) => p.value);
      const answers =
        q.type === "scale"
          ? [{ answerCode: "", factor: q.factor!, item: q.code }]
          : q.rows.flatMap((r) =>
              r.factor ? [{ answerCode: r.code, factor: r.factor, item: matrixItem(q.code, r.code) }] : [],
            );
      for (const a of answers)
        rows.push({
          questionCode: q.code,
          answerCode: a.answerCode,
          scope: levelOf.get(a.factor)!,
          item: a.item,
          baseKey: baseKeyOf(a.factor, a.item),
          metric: `f:${a.factor}`,
          concernRule: "at_least",
          topN: null,
          threshold: q.attentionThreshold ?? null,
          substantive: true,
          nonSubstantiveValues,
        });
      continue;
    }
    if (!("options" in q)) continue;
    const item = q.code;
    const scopes = FACTOR_LEVELS.filter((l) => factors.some((f) => levelOf.get(f) === l));
    const rule: ConcernRule = q.type === "rank" ? "top_n" : "chosen";
    const topN = q.type === "rank" ? q.topN : null;
    for (const o of q.options) {
      const row = { questionCode: q.code, answerCode: o.code, item, ...base, topN };
      if (o.nonSubstantive) {
        rows.push({ ...row, scope: null, baseKey: null, metric: null, concernRule: null, substantive: false });
      } else if (o.factor) {
        const scope = levelOf.get(o.factor)!;
        rows.push({
          ...row,
          scope,
          baseKey: baseKeyOf(o.factor, item),
          metric: `f:${o.factor}`,
          concernRule: rule,
          substantive: true,
        });
      } else {
        // An unmapped substantive answer ("none of these") answers the item in each scope it feeds.
        const metric = q.type === "rank" ? null : `o:${q.code}.${o.code}`;
        for (const scope of scopes)
          rows.push({ ...row, scope, baseKey: item, metric, concernRule: metric ? "chosen" : null, substantive: true });
      }
    }
  }
  return rows;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string) {
  (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
}

export type ItemKind = "choice" | "rank" | "scale" | "option";
export type LevelItem = {
  /** The metric key in result cells: "f:<factor>" or "o:<question>.<option>". */
  metric: string;
  /** The result-cell metric holding this item's base: "b:<baseKey>". */
  baseMetric: string;
  code: string;
  label: LocalizedText;
  kind: ItemKind;
  /** For rank questions: ranked within the top N counts. For scales: at or above this value. */
  topN?: number;
  threshold?: number;
};

const compiled = new WeakMap<QuestionnaireDefinition, MetricMapRow[]>();
/** The compiled map of a (parsed, immutable) definition, compiled once per definition object. */
export function metricMapOf(def: QuestionnaireDefinition): MetricMapRow[] {
  return compiled.get(def) ?? compiled.set(def, compileMetricMap(def)).get(def)!;
}

/** What a level's attention chart shows: the metrics counting in that scope, in definition order. */
export function levelItems(def: QuestionnaireDefinition, level: FactorLevel): LevelItem[] {
  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const questions = new Map(listQuestions(def).map(({ question }) => [question.code, question]));
  const rows = metricMapOf(def).filter((r) => r.scope === level && r.metric && r.baseKey);
  // An option row is known by its option's code ("none"), or by question and option where two
  // questions of the level have an option of that code.
  const optionCodes = rows.filter((r) => r.metric!.startsWith("o:")).map((r) => r.answerCode);
  const qualified = (code: string) => optionCodes.indexOf(code) !== optionCodes.lastIndexOf(code);
  const items = new Map<string, LevelItem>();
  for (const row of rows) {
    const metric = row.metric!;
    if (items.has(metric)) continue;
    const q = questions.get(row.questionCode)!;
    const isOption = metric.startsWith("o:");
    const code = !isOption
      ? metric.slice(2)
      : qualified(row.answerCode)
        ? `${q.code}.${row.answerCode}`
        : row.answerCode;
    const optionLabel = "options" in q ? q.options.find((o) => o.code === row.answerCode)?.label : undefined;
    const label = isOption ? optionLabel : factors.get(code)?.label;
    const kind: ItemKind = isOption
      ? "option"
      : q.type === "rank"
        ? "rank"
        : q.type === "scale" || q.type === "matrix"
          ? "scale"
          : "choice";
    items.set(metric, {
      metric,
      baseMetric: `b:${row.baseKey}`,
      code,
      label: label ?? { en: code },
      kind,
      ...(row.topN !== null && { topN: row.topN }),
      ...(row.threshold !== null && { threshold: row.threshold }),
    });
  }
  return [...items.values()];
}

/** The levels this questionnaire has charts for, in macro, middle, micro order. */
export function levelsOf(def: QuestionnaireDefinition): FactorLevel[] {
  const scopes = new Set(metricMapOf(def).map((r) => r.scope));
  return FACTOR_LEVELS.filter((l) => scopes.has(l));
}
