// What the results endpoints answer (attention, composition, comparison): the one definition of
// these shapes. The shaping functions (to-attention-result.ts, to-composition.ts, to-comparison.ts)
// build values of the types inferred here, and the API's description (lib/openapi/) documents
// them; the integration test checks real answers against it. Browser-safe.
import { z } from "zod";
import { FactorLevelSchema } from "@/lib/questionnaire/definition-schema";
import { MeasureSchema } from "./dashboard-schema";

const IntervalSchema = z.tuple([z.number(), z.number()]).describe("95 % Wilson interval [low, high].");

export const AttentionResultSchema = z.object({
  level: FactorLevelSchema,
  measure: MeasureSchema,
  base: z.int().nullable().describe("Valid responses in the filter that answered the level; null when hidden."),
  mentions: z.int().nullable().describe("All mentions in the base (the denominator of percent of responses)."),
  factors: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      kind: z.enum(["choice", "rank", "scale", "option"]),
      count: z.number().describe("Firms flagging it (percent of cases) or its mentions (percent of responses)."),
      n: z
        .number()
        .describe("The factor's own base: valid responses in the filter that answered its item substantively."),
      share: z.number(),
      ci: IntervalSchema.nullable().describe("Null for percent of responses or an empty base."),
      mean: z.number().nullable().describe("Mean rating of a factor asked on a scale (not in the perturbed view)."),
      topN: z.int().optional(),
      threshold: z.number().optional(),
      weighted: z
        .object({
          share: z.number().describe("Σw of the firms flagging it / Σw of its base (or of all mentions)."),
          ci: IntervalSchema.nullable().describe("Wilson at Kish's effective size (Σw)²/Σw² of the base."),
          base: z.number().describe("Σw of the factor's base: the firms it stands for."),
          effectiveN: z.number(),
          designEffect: z.number().nullable().describe("Weighted responses of the base / effectiveN."),
        })
        .nullable()
        .optional()
        .describe("Present when the survey is weighted (members only); null for an empty weighted base."),
    }),
  ),
  weighting: z
    .object({
      method: z.enum(["post_stratify", "rake"]),
      computedAt: z.iso.datetime().nullable(),
      stale: z.boolean().describe("Responses changed since the weights were computed (a new computation is queued)."),
      base: z.number().describe("Σw of the level's base."),
      effectiveBase: z.number(),
      designEffect: z.number().nullable(),
      unweighted: z.int().describe("Responses of the base without a weight yet (left out of the weighted figures)."),
    })
    .optional()
    .describe("The weights the weighted figures use; present when the survey is weighted (members only)."),
  hiddenFactors: z
    .array(z.object({ code: z.string(), label: z.string() }))
    .describe("Factors whose own base is under the threshold, left out for the public."),
  suppressed: z.boolean().describe("The base is under the small-cell threshold and the caller is the public."),
  smallBase: z.boolean().describe("The base is under the threshold (members see it, marked)."),
  threshold: z.int(),
  perturbed: z.boolean().describe("The counts carry the cell key method's noise (what the public sees)."),
});

export const CompositionSchema = z.object({
  suppressed: z.boolean(),
  smallBase: z.boolean(),
  threshold: z.int(),
  perturbed: z.boolean(),
  totals: z
    .object({ delivered: z.int(), valid: z.int(), screened: z.int(), validityRate: z.number().nullable() })
    .nullable(),
  distributions: z.array(
    z.object({
      key: z.string(),
      label: z.string().nullable(),
      base: z.number(),
      bars: z.array(z.object({ code: z.string(), label: z.string(), count: z.number(), share: z.number() })),
      hiddenBars: z
        .array(z.object({ code: z.string(), label: z.string() }))
        .describe("Values with fewer responses than the threshold, left out for the public."),
    }),
  ),
  periodUnit: z.enum(["day", "month"]).describe("Days for members, months for the public."),
  periods: z
    .array(z.object({ period: z.string(), delivered: z.number(), valid: z.number() }))
    .describe("Delivered and valid responses per day (YYYY-MM-DD) or, for the public, per month (YYYY-MM)."),
  hiddenPeriods: z.int().describe("Periods with fewer responses than the threshold, left out for the public."),
});

const GroupShareSchema = z.object({ count: z.number(), n: z.number(), share: z.number() });

export const ComparisonSchema = z.object({
  level: FactorLevelSchema,
  baseA: z.number().nullable(),
  baseB: z.number().nullable(),
  suppressed: z.boolean().describe("Either group's base is under the public threshold: nothing shown."),
  perturbed: z.boolean(),
  factors: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      a: GroupShareSchema,
      b: GroupShareSchema,
      difference: z.number(),
      z: z.number().nullable(),
      p: z.number().nullable(),
      pHolm: z.number().nullable().describe("p adjusted with Holm across the level's factors."),
    }),
  ),
});
