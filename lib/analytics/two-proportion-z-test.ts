// Comparing one factor's share between two independent groups (e.g. micro vs small firms):
// the pooled two-proportion z-test of DESIGN.md §4. Browser-safe.
import { twoSidedNormalP } from "./normal-p-value";

export type ProportionSample = { count: number; n: number };
export type ZTestResult = { difference: number; z: number; p: number };

export function twoProportionZTest(a: ProportionSample, b: ProportionSample): ZTestResult | null {
  if (a.n <= 0 || b.n <= 0) return null;
  const pa = a.count / a.n;
  const pb = b.count / b.n;
  const pooled = (a.count + b.count) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  // Both groups all-yes or all-no: no variation, so no evidence of a difference.
  if (se === 0) return { difference: pa - pb, z: 0, p: 1 };
  const z = (pa - pb) / se;
  return { difference: pa - pb, z, p: twoSidedNormalP(z) };
}
