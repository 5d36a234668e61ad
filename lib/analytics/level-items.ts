// What a level's attention chart can show, read off the questionnaire version: its factors (from
// options, matrix rows or scale questions) and its unmapped substantive options such as "none of
// these", each with labels and how it is measured. Browser-safe.
import {
  listQuestions,
  type FactorLevel,
  type LocalizedText,
  type QuestionnaireDefinition,
} from "@/lib/questionnaire/definition-schema";

export type ItemKind = "choice" | "rank" | "scale" | "option";
export type LevelItem = {
  /** The metric key in result cells: "f:<factor>" or "o:<option>". */
  metric: string;
  code: string;
  label: LocalizedText;
  kind: ItemKind;
  /** For rank questions: ranked within the top N counts. For scales: at or above this value. */
  topN?: number;
  threshold?: number;
};

export function levelItems(def: QuestionnaireDefinition, level: FactorLevel): LevelItem[] {
  const factors = new Map(def.factors.map((f) => [f.code, f]));
  const items = new Map<string, LevelItem>();
  const add = (item: LevelItem) => items.has(item.metric) || items.set(item.metric, item);
  for (const { section, question: q } of listQuestions(def)) {
    const mapped =
      q.type === "scale"
        ? [q.factor]
        : q.type === "matrix"
          ? q.rows.map((r) => r.factor)
          : "options" in q
            ? q.options.map((o) => o.factor)
            : [];
    const codes = mapped.filter((c): c is string => Boolean(c));
    if (codes.length === 0) continue;
    const questionLevel = section.level ?? factors.get(codes[0])?.level;
    if (questionLevel !== level) continue;
    const factorItem = (code: string, kind: ItemKind, extra: Partial<LevelItem> = {}) =>
      add({ metric: `f:${code}`, code, label: factors.get(code)?.label ?? { en: code }, kind, ...extra });
    if (q.type === "scale" && q.factor) factorItem(q.factor, "scale", { threshold: q.attentionThreshold });
    if (q.type === "matrix")
      for (const r of q.rows) if (r.factor) factorItem(r.factor, "scale", { threshold: q.attentionThreshold });
    if (q.type === "single" || q.type === "multi" || q.type === "rank") {
      for (const o of q.options) {
        if (o.factor)
          factorItem(o.factor, q.type === "rank" ? "rank" : "choice", q.type === "rank" ? { topN: q.topN } : {});
        else if (!o.nonSubstantive && q.type !== "rank")
          add({ metric: `o:${o.code}`, code: o.code, label: o.label, kind: "option" });
      }
    }
  }
  return [...items.values()];
}

/** The levels this questionnaire has charts for, in macro, middle, micro order. */
export function levelsOf(def: QuestionnaireDefinition): FactorLevel[] {
  return (["macro", "middle", "micro"] as const).filter((l) => levelItems(def, l).length > 0);
}
