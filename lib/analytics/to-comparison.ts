// Compares two groups (e.g. micro vs small firms) factor by factor: each factor's two shares,
// the two-proportion z-test, and Holm-adjusted p-values across the level's factors
// (DESIGN.md §4). Pure.
import { holmAdjust, twoProportionZTest } from "./statistics";
import type { z } from "zod";
import type { ComparisonSchema } from "./results-api-schemas";
import type { AttentionResult } from "./to-attention-result";

export type Comparison = z.infer<typeof ComparisonSchema>;
export type ComparedFactor = Comparison["factors"][number];

export function toComparison(a: AttentionResult, b: AttentionResult): Comparison {
  if (a.suppressed || b.suppressed || a.base === null || b.base === null)
    return { level: a.level, baseA: null, baseB: null, suppressed: true, perturbed: a.perturbed, factors: [] };
  const byCode = new Map(b.factors.map((f) => [f.code, f]));
  const factors = a.factors
    .filter((f) => f.kind !== "option")
    .map((fa) => {
      const fb = byCode.get(fa.code);
      const countB = fb?.count ?? 0;
      // Each group's share is over the factor's own base in that group.
      const test = fb ? twoProportionZTest({ count: fa.count, n: fa.n }, { count: countB, n: fb.n }) : null;
      return {
        code: fa.code,
        label: fa.label,
        a: { count: fa.count, n: fa.n, share: fa.share },
        b: { count: countB, n: fb?.n ?? 0, share: fb?.share ?? 0 },
        difference: fa.share - (fb?.share ?? 0),
        z: test?.z ?? null,
        p: test?.p ?? null,
      };
    });
  const tested = factors.filter((f) => f.p !== null);
  const adjusted = holmAdjust(tested.map((f) => f.p!));
  const holm = new Map(tested.map((f, i) => [f.code, adjusted[i]]));
  return {
    level: a.level,
    baseA: a.base,
    baseB: b.base,
    suppressed: false,
    perturbed: a.perturbed,
    factors: factors.map((f) => ({ ...f, pHolm: holm.get(f.code) ?? null })),
  };
}

/** The level of significance a difference must reach after Holm's adjustment to be stated. */
export const SIGNIFICANCE = 0.05;

/** The factors whose two shares differ significantly, larger difference first, with the group that names it more. */
export function significantDifferences(c: Comparison) {
  return c.factors
    .filter((f) => f.pHolm !== null && f.pHolm < SIGNIFICANCE)
    .map((f) => ({ ...f, more: f.difference > 0 ? ("a" as const) : ("b" as const) }))
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.code.localeCompare(y.code));
}
