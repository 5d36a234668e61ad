// The questionnaire interchange format (DESIGN.md §3): the one zod schema that the designer,
// the import API, the respondent form and the templates all validate against.
// Browser-safe: no server-only imports here.
import { z } from "zod";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/text/storable-text";
import { COMPARISON_OPS, needsValue, OPS_FOR } from "./condition-operators";

export const DEFINITION_FORMAT = "sme-survey/questionnaire@1";
export const LOCALES = ["zh", "en"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const FACTOR_LEVELS = ["macro", "middle", "micro"] as const;
export const FactorLevelSchema = z.enum(FACTOR_LEVELS);
export type FactorLevel = z.infer<typeof FactorLevelSchema>;

/** The breakdowns every dashboard and export knows by name, in display order. */
export const STANDARD_BREAKDOWNS = ["region", "industry", "size_class", "lifecycle_stage"] as const;
export type StandardBreakdown = (typeof STANDARD_BREAKDOWNS)[number];
export const BREAKDOWN_KINDS = [...STANDARD_BREAKDOWNS, "custom"] as const;

export function isStandardBreakdown(key: string): key is StandardBreakdown {
  return (STANDARD_BREAKDOWNS as readonly string[]).includes(key);
}
export const BreakdownKindSchema = z.enum(BREAKDOWN_KINDS);
export type BreakdownKind = z.infer<typeof BreakdownKindSchema>;

export const MAX_LABEL_LENGTH = 500;
export const MAX_TEXT_ANSWER_LENGTH = 5000;
export const DEFAULT_TEXT_ANSWER_LENGTH = 500;
/** A scale runs from 0 or 1 up to at least 2 and at most 11 points. */
export const LOWEST_SCALE_MAX = 2;
export const MAX_SCALE_POINT = 11;

export const CodeSchema = z
  .string()
  .max(64, "A code has at most 64 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "A code starts with a lower-case letter and has only a-z, 0-9 and _");

const LabelTextSchema = z.string().trim().max(MAX_LABEL_LENGTH).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** A label in each language, e.g. { zh: "国家优惠政策", en: "National preferential policies" }. */
export const LocalizedTextSchema = z
  .object({
    zh: LabelTextSchema.optional(),
    en: LabelTextSchema.optional(),
  })
  .strict()
  .refine((t) => Boolean(t.zh || t.en), "A label needs text in at least one language");
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const FactorSchema = z
  .object({
    code: CodeSchema,
    level: FactorLevelSchema,
    label: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
  })
  .strict();
export type FactorDefinition = z.infer<typeof FactorSchema>;

export const OptionSchema = z
  .object({
    code: CodeSchema,
    label: LocalizedTextSchema,
    /** Choosing this option flags the factor as a concern of the firm. */
    factor: CodeSchema.optional(),
    /** In a multi question: choosing it clears and blocks every other option ("none of these"). */
    exclusive: z.boolean().optional(),
    /** "Don't know / refused": the response leaves the base of this question. */
    nonSubstantive: z.boolean().optional(),
  })
  .strict();
export type OptionDefinition = z.infer<typeof OptionSchema>;

export const MatrixRowSchema = z
  .object({ code: CodeSchema, label: LocalizedTextSchema, factor: CodeSchema.optional() })
  .strict();

export const ScalePointSchema = z
  .object({ value: z.number().int(), label: LocalizedTextSchema, nonSubstantive: z.boolean().optional() })
  .strict();

/** Points of a scale question or a matrix, e.g. 1..5 or 0..4, each optionally labelled. */
export const ScaleSchema = z
  .object({
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(LOWEST_SCALE_MAX).max(MAX_SCALE_POINT),
    points: z.array(ScalePointSchema).max(13).optional(),
  })
  .strict()
  .refine((s) => s.max > s.min, { message: "max must be greater than min", path: ["max"] });

const ComparisonSchema = z
  .object({
    question: CodeSchema,
    op: z.enum(COMPARISON_OPS),
    value: z.union([z.string(), z.number()]).optional(),
  })
  .strict();
export type Comparison = z.infer<typeof ComparisonSchema>;
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };
export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    ComparisonSchema,
    z.object({ all: z.array(ConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1) }).strict(),
  ]),
);

const questionBase = {
  code: CodeSchema,
  label: LocalizedTextSchema,
  help: LocalizedTextSchema.optional(),
  required: z.boolean().default(false),
  showIf: ConditionSchema.optional(),
};

export const SingleQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("single"),
    options: z.array(OptionSchema).min(2),
    /** Dashboards can filter and compare by this question. */
    breakdown: BreakdownKindSchema.optional(),
  })
  .strict();

export const MultiQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("multi"),
    options: z.array(OptionSchema).min(2),
    maxSelections: z.number().int().min(1).optional(),
  })
  .strict();

export const RankQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("rank"),
    options: z.array(OptionSchema).min(2),
    /** How many options the respondent orders; a factor ranked within them counts as concern. */
    topN: z.number().int().min(1),
  })
  .strict();

export const ScaleQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("scale"),
    scale: ScaleSchema,
    factor: CodeSchema.optional(),
    /** Answers at or above this value count as concern for the factor. */
    attentionThreshold: z.number().int().optional(),
  })
  .strict();

export const MatrixQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("matrix"),
    rows: z.array(MatrixRowSchema).min(1),
    scale: ScaleSchema,
    attentionThreshold: z.number().int().optional(),
  })
  .strict();

export const NumberQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
    unit: LocalizedTextSchema.optional(),
    /** The answer is an employee count from which the MIIT 2011 size class is derived. */
    derivesSizeClass: z.boolean().optional(),
  })
  .strict();

export const TextQuestionSchema = z
  .object({
    ...questionBase,
    type: z.literal("text"),
    maxLength: z.number().int().min(1).max(MAX_TEXT_ANSWER_LENGTH).default(DEFAULT_TEXT_ANSWER_LENGTH),
    multiline: z.boolean().default(false),
  })
  .strict();

export const QuestionSchema = z.discriminatedUnion("type", [
  SingleQuestionSchema,
  MultiQuestionSchema,
  RankQuestionSchema,
  ScaleQuestionSchema,
  MatrixQuestionSchema,
  NumberQuestionSchema,
  TextQuestionSchema,
]);
export type QuestionDefinition = z.infer<typeof QuestionSchema>;
export type QuestionType = QuestionDefinition["type"];

export const SectionSchema = z
  .object({
    code: CodeSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    /** The constraint level whose attention chart this section feeds, if any. */
    level: FactorLevelSchema.optional(),
    questions: z.array(QuestionSchema).min(1),
  })
  .strict();
export type SectionDefinition = z.infer<typeof SectionSchema>;

export const QuestionnaireDefinitionSchema = z
  .object({
    format: z.literal(DEFINITION_FORMAT),
    code: CodeSchema,
    title: LocalizedTextSchema,
    description: LocalizedTextSchema.optional(),
    locales: z.array(LocaleSchema).min(1),
    defaultLocale: LocaleSchema.optional(),
    factors: z.array(FactorSchema).default([]),
    sections: z.array(SectionSchema).min(1),
  })
  .strict()
  .superRefine(checkReferences);
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireDefinitionSchema>;
export type QuestionnaireDefinitionInput = z.input<typeof QuestionnaireDefinitionSchema>;

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function duplicates(codes: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const c of codes) (seen.has(c) ? dup : seen).add(c);
  return dup;
}

/** Cross-references that a per-field schema cannot see: unique codes, known factors, earlier-only logic. */
function checkReferences(def: { factors: FactorDefinition[]; sections: SectionDefinition[] }, ctx: Ctx) {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
  const factorCodes = new Set(def.factors.map((f) => f.code));
  for (const [i, f] of def.factors.entries())
    if (duplicates(def.factors.map((x) => x.code)).has(f.code))
      issue(["factors", i, "code"], `Factor code "${f.code}" is used twice`);

  const sectionDup = duplicates(def.sections.map((s) => s.code));
  const questionDup = duplicates(def.sections.flatMap((s) => s.questions.map((q) => q.code)));
  const earlier = new Map<string, QuestionDefinition>();

  def.sections.forEach((section, si) => {
    if (sectionDup.has(section.code)) issue(["sections", si, "code"], `Section code "${section.code}" is used twice`);
    section.questions.forEach((q, qi) => {
      const at = (...rest: Path): Path => ["sections", si, "questions", qi, ...rest];
      if (questionDup.has(q.code)) issue(at("code"), `Question code "${q.code}" is used twice`);
      const checkFactor = (code: string | undefined, path: Path) => {
        if (code && !factorCodes.has(code)) issue(path, `Unknown factor "${code}": declare it in factors`);
      };
      if ("options" in q) {
        const optDup = duplicates(q.options.map((o) => o.code));
        q.options.forEach((o, oi) => {
          if (optDup.has(o.code))
            issue(at("options", oi, "code"), `Option code "${o.code}" is used twice in this question`);
          checkFactor(o.factor, at("options", oi, "factor"));
          if (o.exclusive && q.type !== "multi")
            issue(at("options", oi, "exclusive"), "Only options of a multi question can be exclusive");
        });
      }
      if (q.type === "multi" && q.maxSelections && q.maxSelections > q.options.length)
        issue(at("maxSelections"), "maxSelections is larger than the number of options");
      if (q.type === "rank" && q.topN > q.options.length)
        issue(at("topN"), "topN is larger than the number of options");
      if (q.type === "scale" || q.type === "matrix") {
        if (q.type === "scale") checkFactor(q.factor, at("factor"));
        if (q.type === "matrix") {
          const rowDup = duplicates(q.rows.map((r) => r.code));
          q.rows.forEach((r, ri) => {
            if (rowDup.has(r.code)) issue(at("rows", ri, "code"), `Row code "${r.code}" is used twice`);
            checkFactor(r.factor, at("rows", ri, "factor"));
          });
        }
        const t = q.attentionThreshold;
        if (t !== undefined && (t < q.scale.min || t > q.scale.max))
          issue(at("attentionThreshold"), `attentionThreshold must lie within ${q.scale.min}..${q.scale.max}`);
        const mapsFactor = q.type === "scale" ? Boolean(q.factor) : q.rows.some((r) => r.factor);
        if (mapsFactor && t === undefined)
          issue(at("attentionThreshold"), "A question mapped to factors needs an attentionThreshold");
      }
      if (q.type === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max)
        issue(at("max"), "max must not be less than min");
      if (q.showIf) checkCondition(q.showIf, earlier, at("showIf"), issue);
      earlier.set(q.code, q);
    });
  });
}

function checkCondition(
  cond: Condition,
  earlier: Map<string, QuestionDefinition>,
  path: Path,
  issue: (path: Path, message: string) => void,
) {
  if ("all" in cond) return cond.all.forEach((c, i) => checkCondition(c, earlier, [...path, "all", i], issue));
  if ("any" in cond) return cond.any.forEach((c, i) => checkCondition(c, earlier, [...path, "any", i], issue));
  const target = earlier.get(cond.question);
  if (!target)
    return issue([...path, "question"], `showIf refers to "${cond.question}", which is not an earlier question`);
  if (!OPS_FOR[target.type].includes(cond.op))
    return issue([...path, "op"], `The "${cond.op}" condition does not apply to a ${target.type} question`);
  if (needsValue(cond.op) && cond.value === undefined)
    issue([...path, "value"], `The "${cond.op}" condition needs a value`);
  if (
    needsValue(cond.op) &&
    "options" in target &&
    typeof cond.value === "string" &&
    !target.options.some((o) => o.code === cond.value)
  )
    issue([...path, "value"], `"${cond.value}" is not an option of "${cond.question}"`);
}

/** All questions in order, with the section each belongs to. */
export function listQuestions(def: Pick<QuestionnaireDefinition, "sections">) {
  return def.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}
