// What the results endpoints answer (attention, composition, comparison), for the API's
// description (lib/openapi/). The shaping functions (to-attention-result.ts, to-composition.ts,
// to-comparison.ts) build these answers; the integration test checks real answers against the
// documented schemas. Fields added to an answer pass through (the objects are not strict), so a
// new measure shows up before its schema names it. Browser-safe.
import { z } from "zod";
import { FactorLevelSchema } from "@/lib/questionnaire/definition-schema";
import { MeasureSchema } from "./dashboard-schema";

const IntervalSchema = z.tuple([z.number(), z.number()]).describe("95 % Wilson interval [low, high].");

export const AttentionResultSchema = z.object({
  level: FactorLevelSchema,
  measure: MeasureSchema,
  base: z.int().nullable().describe("Valid responses in the filter that answered the level; null when hidden."),
  mentions: z.int().nullable(),
  factors: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      kind: z.enum(["choice", "rank", "scale", "option"]),
      count: z.number(),
      n: z.number().describe("The factor's own base."),
      share: z.number(),
      ci: IntervalSchema.nullable(),
      mean: z.number().nullable(),
      topN: z.int().optional(),
      threshold: z.number().optional(),
    }),
  ),
  hiddenFactors: z.array(z.object({ code: z.string(), label: z.string() })),
  suppressed: z.boolean().describe("The base is under the small-cell threshold and the caller is the public."),
  smallBase: z.boolean(),
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
  periods: z.array(z.object({ period: z.string(), delivered: z.number(), valid: z.number() })),
  hiddenPeriods: z.int().describe("Periods with fewer responses than the threshold, left out for the public."),
});

const GroupShareSchema = z.object({ count: z.number(), n: z.number(), share: z.number() });

export const ComparisonSchema = z.object({
  level: FactorLevelSchema,
  baseA: z.number().nullable(),
  baseB: z.number().nullable(),
  suppressed: z.boolean(),
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
