// A survey's population targets as researchers give them (DESIGN.md §4, "Weights"): a full table
// of counts by breakdown cells for post-stratification, or margins for raking, and the options of
// the computation. One schema for the API, the weighting form and the stored row. Browser-safe.
import { z } from "zod";

export const WEIGHTING_METHODS = ["post_stratify", "rake"] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

/** At most this many weighting variables (cells multiply: 4 breakdowns of 10 values are 10,000). */
export const MAX_WEIGHTING_VARIABLES = 4;

const Code = z.string().min(1).max(64);

export const PopulationCellsSchema = z.object({
  method: z.literal("post_stratify"),
  /** The breakdowns that define the cells, in collapse order (the last is collapsed first). */
  variables: z.array(Code).min(1).max(MAX_WEIGHTING_VARIABLES),
  cells: z
    .array(z.object({ values: z.record(Code, Code), count: z.number().finite().nonnegative() }))
    .min(1)
    .max(10_000),
});

export const MarginsSchema = z.object({
  method: z.literal("rake"),
  margins: z
    .array(
      z.object({
        variable: Code,
        totals: z
          .array(z.object({ value: Code, total: z.number().finite().positive() }))
          .min(1)
          .max(1000),
      }),
    )
    .min(1)
    .max(MAX_WEIGHTING_VARIABLES),
});

export const WeightingTargetsSchema = z.discriminatedUnion("method", [PopulationCellsSchema, MarginsSchema]);
export type WeightingTargets = z.infer<typeof WeightingTargetsSchema>;

export const WeightingOptionsSchema = z.object({
  /** Cap every weight at this many times the mean weight (then rake again); null: no trimming. */
  trimCap: z.number().min(1.5).max(100).nullable().default(null),
  /** Raking stops when every margin is within this relative error of its target. */
  tolerance: z.number().min(1e-12).max(0.01).default(1e-7),
  maxIterations: z.int().min(1).max(10_000).default(100),
});
export type WeightingOptions = z.infer<typeof WeightingOptionsSchema>;

/**
 * PUT /api/v1/surveys/{slug}/weighting: the targets as JSON, or as CSV text (post-stratification:
 * one column per breakdown and `count`; raking: `variable,value,total`), with the options.
 */
export const WeightingBodySchema = WeightingOptionsSchema.extend({
  method: z.enum(WEIGHTING_METHODS),
  csv: z.string().max(1_000_000).optional().describe("The targets as CSV (see docs/results-api.md)."),
  targets: WeightingTargetsSchema.optional().describe("The targets as JSON, instead of csv."),
}).refine((b) => (b.csv === undefined) !== (b.targets === undefined), {
  message: "Give the targets either as csv or as targets, not both.",
  path: ["csv"],
});
export type WeightingBody = z.infer<typeof WeightingBodySchema>;

/** The variables the targets weight by, in their order. */
export const targetVariables = (targets: WeightingTargets): string[] =>
  targets.method === "post_stratify" ? targets.variables : targets.margins.map((m) => m.variable);
