// What the comparison endpoints of issue 11 answer: k groups of one breakdown, two factors
// answered by the same firms (McNemar), and two or more surveys side by side. The shaping
// functions (to-groups-comparison.ts, to-paired-comparison.ts, to-surveys-comparison.ts) build
// values of the types inferred here, and the API's description (lib/openapi/) documents them.
// Browser-safe.
import { z } from "zod";
import { FactorLevelSchema } from "@/lib/questionnaire/definition-schema";

const IntervalSchema = z.tuple([z.number(), z.number()]).describe("95 % Wilson interval [low, high].");

export const GroupShareSchema = z.object({
  count: z.number().describe("Firms of the group flagging the factor."),
  n: z.number().describe("The factor's own base in the group."),
  share: z.number(),
  ci: IntervalSchema.nullable(),
});

export const FactorAcrossGroupsSchema = z.object({
  code: z.string(),
  label: z.string(),
  shares: z
    .array(GroupShareSchema.nullable())
    .describe("One per group, in the order of `groups`; null where the public may not see the group's share."),
  test: z
    .enum(["z", "chi-square"])
    .nullable()
    .describe("Two groups: the two-proportion z-test; more: Pearson's chi-square on the 2 × k table. Null: untested."),
  statistic: z.number().nullable().describe("z, or X² (without continuity correction)."),
  df: z.int().nullable().describe("Degrees of freedom of X² (k − 1); null for z."),
  p: z.number().nullable(),
  pHolm: z.number().nullable().describe("p adjusted with Holm across the level's tested factors."),
  smallExpected: z.boolean().describe("An expected count under 5: the test's approximation is doubtful."),
  weighted: z
    .object({
      shares: z
        .array(z.object({ share: z.number(), effectiveN: z.number(), ci: IntervalSchema.nullable() }).nullable())
        .describe("Each group's weighted share and Kish's effective size."),
      test: z.enum(["z", "chi-square"]).nullable(),
      statistic: z.number().nullable(),
      df: z.int().nullable(),
      p: z.number().nullable(),
      pHolm: z.number().nullable(),
    })
    .optional()
    .describe("The same test on the weighted shares at the groups' effective sizes (weighted surveys, members)."),
});

const NamedSchema = z.object({ code: z.string(), label: z.string() });

export const GroupsComparisonSchema = z.object({
  level: FactorLevelSchema,
  by: z.string().describe("The breakdown compared by."),
  groups: z.array(NamedSchema.extend({ base: z.number().describe("The level's base in the group.") })),
  hiddenGroups: z.array(NamedSchema).describe("Chosen groups under the public threshold, left out."),
  suppressed: z.boolean().describe("Fewer than two groups can be shown: no factors."),
  perturbed: z.boolean(),
  threshold: z.int(),
  factors: z.array(FactorAcrossGroupsSchema),
});

const PairedFactorSchema = NamedSchema.extend({
  count: z.number().nullable().describe("Firms of the pair's base flagging this factor."),
  share: z.number().nullable().describe("count / n: over the firms that answered both items."),
  ci: IntervalSchema.nullable(),
});

export const MCNEMAR_METHODS = ["exact-binomial", "chi-square", "chi-square-corrected"] as const;

export const PairedComparisonSchema = z.object({
  level: FactorLevelSchema,
  a: PairedFactorSchema,
  b: PairedFactorSchema,
  n: z.number().nullable().describe("Valid responses in the filter that answered both factors' items substantively."),
  onlyA: z.number().nullable().describe("Firms flagging a but not b (McNemar's b)."),
  onlyB: z.number().nullable().describe("Firms flagging b but not a (McNemar's c)."),
  test: z
    .object({ method: z.enum(MCNEMAR_METHODS), statistic: z.number(), p: z.number() })
    .nullable()
    .describe("McNemar's test: exact binomial under 25 discordant firms, else chi-square with continuity correction."),
  suppressed: z.boolean().describe("n is under the public threshold: nothing shown."),
  perturbed: z.boolean(),
  threshold: z.int(),
});

export const SurveysComparisonSchema = z.object({
  level: FactorLevelSchema,
  surveys: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      base: z.number().nullable().describe("The level's base; null when hidden from the public."),
      access: z.enum(["member", "public"]).describe("member: exact figures; public: the published ones."),
      perturbed: z.boolean(),
      suppressed: z.boolean(),
    }),
  ),
  factors: z
    .array(FactorAcrossGroupsSchema)
    .describe("Factors of the level every survey has; `shares` in the order of `surveys`."),
  onlyIn: z
    .array(NamedSchema.extend({ surveys: z.array(z.string()) }))
    .describe("Factors of the level only some of the surveys have, with the slugs of those that do."),
});
