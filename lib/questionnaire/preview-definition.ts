// What the designer's preview draws while the draft still has problems: the draft itself, made
// renderable without hiding what the researcher wrote. A blank label shows the item's code, an
// item whose code repeats an earlier one is left out (answers are kept by code), settings out of
// range are brought within it, and a display condition that names no earlier question is
// ignored, so its question is shown. Browser-safe and pure; publishing still checks the draft
// against QuestionnaireDefinitionSchema.
import {
  DEFAULT_TEXT_ANSWER_LENGTH,
  LOWEST_SCALE_MAX,
  MAX_SCALE_POINT,
  MAX_TEXT_ANSWER_LENGTH,
  type Condition,
  type LocalizedText,
  type OptionDefinition,
  type QuestionDefinition,
  type QuestionnaireDefinition,
  type SectionDefinition,
} from "./definition-schema";
import type { DraftDefinition, DraftOption, DraftQuestion } from "./draft-edits";

type DraftText = { zh?: string; en?: string } | undefined;
type DraftScale = {
  min: number;
  max: number;
  points?: { value: number; label: DraftText; nonSubstantive?: boolean }[];
};
type PreviewScale = Extract<QuestionDefinition, { type: "scale" }>["scale"];

/** The text as written, or the fallback when both languages are blank. */
function textOr(text: DraftText, fallback: string): LocalizedText {
  const zh = text?.zh?.trim();
  const en = text?.en?.trim();
  return zh || en ? { ...(zh ? { zh } : {}), ...(en ? { en } : {}) } : { zh: fallback, en: fallback };
}

/** The text as written, or nothing when both languages are blank (help, descriptions, units). */
function optionalText(text: DraftText): LocalizedText | undefined {
  return text?.zh?.trim() || text?.en?.trim() ? textOr(text, "") : undefined;
}

/** The items whose code has not appeared before in the list. */
function firstOfEachCode<T extends { code: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.code) && Boolean(seen.add(item.code)));
}

function previewScale(scale: DraftScale): PreviewScale {
  const min = scale.min === 0 ? 0 : 1;
  const max = Number.isInteger(scale.max) ? Math.min(MAX_SCALE_POINT, Math.max(LOWEST_SCALE_MAX, scale.max)) : min + 4;
  const points = scale.points
    ?.filter((p) => Number.isInteger(p.value) && p.value >= min && p.value <= max)
    .map((p) => ({
      value: p.value,
      label: textOr(p.label, String(p.value)),
      ...(p.nonSubstantive ? { nonSubstantive: true } : {}),
    }));
  return { min, max, ...(points?.length ? { points } : {}) };
}

/** Whether every comparison of the condition names a question shown earlier in the preview. */
function refersToEarlier(condition: Condition, earlier: ReadonlySet<string>): boolean {
  if ("all" in condition) return condition.all.length > 0 && condition.all.every((c) => refersToEarlier(c, earlier));
  if ("any" in condition) return condition.any.length > 0 && condition.any.every((c) => refersToEarlier(c, earlier));
  return earlier.has(condition.question);
}

function previewOptions(options: readonly DraftOption[]) {
  return firstOfEachCode(options).map((o): OptionDefinition => ({
    code: o.code,
    label: textOr(o.label, o.code),
    ...(o.exclusive ? { exclusive: true } : {}),
    ...(o.nonSubstantive ? { nonSubstantive: true } : {}),
  }));
}

function previewQuestion(q: DraftQuestion, earlier: ReadonlySet<string>): QuestionDefinition {
  const help = optionalText(q.help);
  // The draft's condition is the schema's input type, which zod leaves open for a recursive schema.
  const showIf = q.showIf as Condition | undefined;
  const base = {
    code: q.code,
    label: textOr(q.label, q.code),
    ...(help ? { help } : {}),
    required: q.required ?? false,
    ...(showIf && refersToEarlier(showIf, earlier) ? { showIf } : {}),
  };
  switch (q.type) {
    case "single":
      return { ...base, type: q.type, options: previewOptions(q.options) };
    case "multi": {
      const options = previewOptions(q.options);
      const fits = q.maxSelections !== undefined && q.maxSelections >= 1 && q.maxSelections <= options.length;
      return { ...base, type: q.type, options, ...(fits ? { maxSelections: q.maxSelections } : {}) };
    }
    case "rank": {
      const options = previewOptions(q.options);
      const topN = Math.max(1, Math.min(options.length, Number.isInteger(q.topN) ? q.topN : options.length));
      return { ...base, type: q.type, options, topN };
    }
    case "scale":
      return { ...base, type: q.type, scale: previewScale(q.scale) };
    case "matrix":
      return {
        ...base,
        type: q.type,
        scale: previewScale(q.scale),
        rows: firstOfEachCode(q.rows).map((r) => ({ code: r.code, label: textOr(r.label, r.code) })),
      };
    case "number": {
      const unit = optionalText(q.unit);
      const ordered = q.min === undefined || q.max === undefined || q.min <= q.max;
      return {
        ...base,
        type: q.type,
        integer: q.integer ?? false,
        ...(ordered && q.min !== undefined ? { min: q.min } : {}),
        ...(ordered && q.max !== undefined ? { max: q.max } : {}),
        ...(unit ? { unit } : {}),
      };
    }
    case "text": {
      const length = Number.isInteger(q.maxLength) ? (q.maxLength as number) : DEFAULT_TEXT_ANSWER_LENGTH;
      return {
        ...base,
        type: q.type,
        maxLength: Math.max(1, Math.min(MAX_TEXT_ANSWER_LENGTH, length)),
        multiline: q.multiline ?? false,
      };
    }
  }
}

export function previewDefinition(draft: DraftDefinition): QuestionnaireDefinition {
  const earlier = new Set<string>();
  const sections: SectionDefinition[] = [];
  for (const section of firstOfEachCode(draft.sections)) {
    const questions: QuestionDefinition[] = [];
    for (const q of section.questions) {
      if (earlier.has(q.code)) continue;
      questions.push(previewQuestion(q, earlier));
      earlier.add(q.code);
    }
    const description = optionalText(section.description);
    if (questions.length)
      sections.push({
        code: section.code,
        title: textOr(section.title, section.code),
        ...(description ? { description } : {}),
        questions,
      });
  }
  const description = optionalText(draft.description);
  return {
    format: draft.format,
    code: draft.code,
    title: textOr(draft.title, draft.code),
    ...(description ? { description } : {}),
    locales: draft.locales,
    factors: [],
    sections,
  };
}
