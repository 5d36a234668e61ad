// What GET /api/v1/surveys/{slug}/weighting answers (the OpenAPI description is generated from
// it; the weighting page reads the same shape). Browser-safe.
import { z } from "zod";
import { WEIGHTING_METHODS, WeightingTargetsSchema } from "./targets-schema";

export const WeightingViewSchema = z
  .object({
    method: z.enum(WEIGHTING_METHODS),
    targets: WeightingTargetsSchema,
    trimCap: z.number().nullable(),
    tolerance: z.number(),
    maxIterations: z.int(),
    status: z.enum(["queued", "running", "done", "failed"]),
    computedAt: z.iso.datetime().nullable(),
    weightedResponses: z.int().nullable().describe("Valid responses the weights were computed for."),
    validResponses: z.int().describe("Valid responses now."),
    stale: z.boolean().describe("The valid responses changed since: a new computation is queued."),
    iterations: z.int().nullable().describe("Raking passes."),
    designEffect: z.number().nullable().describe("Kish's design effect of the weights, n / n_eff."),
    effectiveSize: z.number().nullable().describe("Kish's effective sample size (Σw)²/Σw²."),
    unclassified: z.int().describe("Valid responses without a value of a weighting variable (not weighted)."),
    trimmed: z.int().describe("Responses whose weight the cap trimmed."),
    warnings: z.array(z.string()).describe("Empty population cells merged into a neighbour, in words."),
    error: z.string().nullable().describe("Why the weights could not be computed, in words."),
  })
  .meta({ id: "Weighting" });
export type WeightingView = z.infer<typeof WeightingViewSchema>;

export const WeightingProblemsSchema = z.object({
  error: z.literal("validation_failed"),
  message: z.string(),
  problems: z.array(
    z.object({ row: z.int().nullable(), column: z.string().nullable(), value: z.string(), message: z.string() }),
  ),
});
