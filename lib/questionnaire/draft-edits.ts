// Pure helpers the designer uses to edit a draft: fresh items of each type, unique codes,
// moving and duplicating. Browser-safe; every function returns new data.
import {
  DEFAULT_TEXT_ANSWER_LENGTH,
  DEFINITION_FORMAT,
  type LocalizedText,
  type QuestionnaireDefinitionInput,
} from "./definition-schema";

export type DraftDefinition = QuestionnaireDefinitionInput;
export type DraftSection = DraftDefinition["sections"][number];
export type DraftQuestion = DraftSection["questions"][number];
export type DraftQuestionType = DraftQuestion["type"];
export type DraftOption = Extract<DraftQuestion, { options: unknown }>["options"][number];

export const QUESTION_TYPES: readonly DraftQuestionType[] = [
  "single",
  "multi",
  "rank",
  "scale",
  "matrix",
  "number",
  "text",
];

const blank = (): LocalizedText => ({ zh: "", en: "" });

/** `base`, or `base_2`, `base_3`… : the first that is not in `taken`. */
export function uniqueCode(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, "_")
      .replace(/^[^a-z]+/, "")
      .slice(0, 56) || "item";
  if (!used.has(clean)) return clean;
  for (let i = 2; ; i++) if (!used.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

export function questionCodes(def: Pick<DraftDefinition, "sections">): string[] {
  return def.sections.flatMap((s) => s.questions.map((q) => q.code));
}

export function newOption(taken: string[]): DraftOption {
  return { code: uniqueCode(`option_${taken.length + 1}`, taken), label: blank() };
}

/** A question of the given type with the smallest content that a researcher then fills in. */
export function newQuestion(type: DraftQuestionType, code: string): DraftQuestion {
  const base = { code, label: blank(), required: false };
  const twoOptions = () => {
    const first = newOption([]);
    return [first, newOption([first.code])];
  };
  switch (type) {
    case "single":
    case "multi":
      return { ...base, type, options: twoOptions() };
    case "rank":
      return { ...base, type, options: twoOptions(), topN: 2 };
    case "scale":
      return { ...base, type, scale: { min: 1, max: 5 } };
    case "matrix":
      return { ...base, type, rows: [{ code: "row_1", label: blank() }], scale: { min: 1, max: 5 } };
    case "number":
      return { ...base, type, integer: false };
    case "text":
      return { ...base, type, maxLength: DEFAULT_TEXT_ANSWER_LENGTH, multiline: false };
  }
}

/**
 * Changes a question's type, keeping what both types share (code, labels, logic, and the
 * options when both types have options).
 */
export function changeQuestionType(q: DraftQuestion, type: DraftQuestionType): DraftQuestion {
  const fresh = newQuestion(type, q.code);
  const kept = { ...fresh, label: q.label, help: q.help, required: q.required, showIf: q.showIf } as DraftQuestion;
  if ("options" in kept && "options" in q) {
    const options = type === "multi" ? q.options : q.options.map(({ exclusive: _dropped, ...o }) => o);
    return { ...kept, options } as DraftQuestion;
  }
  return kept;
}

export function newSection(code: string): DraftSection {
  return { code, title: blank(), questions: [newQuestion("single", `${code}_q1`)] };
}

/** A blank questionnaire that a researcher starts from (it does not validate until labelled). */
export function newDefinition(code: string, title: LocalizedText): DraftDefinition {
  return {
    format: DEFINITION_FORMAT,
    code,
    title,
    locales: ["zh", "en"],
    defaultLocale: "zh",
    factors: [],
    sections: [newSection("section_1")],
  };
}

/** `list` with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= list.length) return copy;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** A copy of the question with a new unique code, inserted right after the original. */
export function duplicateQuestion(def: DraftDefinition, sectionIndex: number, questionIndex: number): DraftDefinition {
  const section = def.sections[sectionIndex];
  const original = section.questions[questionIndex];
  const copy = { ...structuredClone(original), code: uniqueCode(`${original.code}_copy`, questionCodes(def)) };
  const questions = [...section.questions];
  questions.splice(questionIndex + 1, 0, copy);
  return { ...def, sections: def.sections.map((s, i) => (i === sectionIndex ? { ...s, questions } : s)) };
}

/** A copy of the section whose section and question codes are all made unique. */
export function duplicateSection(def: DraftDefinition, sectionIndex: number): DraftDefinition {
  const original = def.sections[sectionIndex];
  const taken = questionCodes(def);
  const questions = original.questions.map((q) => {
    const code = uniqueCode(`${q.code}_copy`, taken);
    taken.push(code);
    return { ...structuredClone(q), code };
  });
  const code = uniqueCode(
    `${original.code}_copy`,
    def.sections.map((s) => s.code),
  );
  const sections = [...def.sections];
  sections.splice(sectionIndex + 1, 0, { ...structuredClone(original), code, questions });
  return { ...def, sections };
}

/** Questions before the given position: the only ones a showIf condition may refer to. */
export function earlierQuestions(def: DraftDefinition, sectionIndex: number, questionIndex: number): DraftQuestion[] {
  return def.sections.flatMap((s, si) =>
    si < sectionIndex ? s.questions : si === sectionIndex ? s.questions.slice(0, questionIndex) : [],
  );
}

/** Where the item at `index` is after the item at `deleted` was removed (a later item moves up one). */
export function indexAfterDelete(index: number, deleted: number): number {
  return index > deleted ? index - 1 : index;
}

/** Where the item at `index` is after the item at `from` moved to `to` (a selection follows its item). */
export function indexAfterMove(index: number, from: number, to: number): number {
  if (index === from) return to;
  if (from < index && to >= index) return index - 1;
  if (from > index && to <= index) return index + 1;
  return index;
}
