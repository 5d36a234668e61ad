// The statistics of DESIGN.md §4, each against hand-computed or reference values in
// tests/unit/statistics.test.ts. Pure and browser-safe.
import erfc from "@stdlib/math-base-special-erfc";

// Tail probabilities. erfc comes from stdlib (a port of the FreeBSD libm routine, accurate to
// double precision), so p-values are exact enough to report.
/** Two-sided p-value of a standard normal statistic z. */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Upper-tail p-value of a chi-square statistic with one degree of freedom. */
export function chiSquare1P(statistic: number): number {
  return statistic <= 0 ? 1 : erfc(Math.sqrt(statistic / 2));
}

// The 95 % Wilson score interval, exactly as DESIGN.md §4 writes it.
export const Z_95 = 1.959964;

export type Interval = [low: number, high: number];

/**
 * Wilson interval of a proportion `p` observed on `n` cases (for weighted data, `p` is the
 * weighted share and `n` Kish's effective size). `null` when there are no cases.
 */
export function wilsonInterval(p: number, n: number, z = Z_95): Interval | null {
  if (!(n > 0)) return null;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can push the bounds a hair outside [0, 1] at p = 0 or 1.
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}

// Kish's effective sample size (Σw)² / Σw²: the n a weighted share's interval uses.
export function kishEffectiveN(weights: number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const w of weights) {
    sum += w;
    sumOfSquares += w * w;
  }
  return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
}

// One factor's share in two independent groups (e.g. micro vs small firms): the pooled
// two-proportion z-test.
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

// Holm's step-down adjustment of p-values across a level's factors.
/** Adjusted p-values in the order given: sorted ascending, p(i)·(m−i+1), kept monotone, capped at 1. */
export function holmAdjust(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, i }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[i] = runningMax;
  });
  return adjusted;
}

// Two factors answered by the same firms: McNemar's test; only the discordant pairs matter,
// b = firms flagging the first factor only, c = the second only.
export type McNemarResult = { statistic: number; p: number };

/** Chi-square statistic with Edwards' continuity correction by default: (|b − c| − 1)² / (b + c). */
export function mcnemarTest(b: number, c: number, { continuityCorrection = true } = {}): McNemarResult {
  const discordant = b + c;
  if (discordant === 0) return { statistic: 0, p: 1 };
  const difference = Math.max(0, Math.abs(b - c) - (continuityCorrection ? 1 : 0));
  const statistic = (difference * difference) / discordant;
  return { statistic, p: chiSquare1P(statistic) };
}

// Validity rate = valid / delivered: 226 / 250 = 90.4 % in the model survey.
export function validityRate(valid: number, delivered: number): number | null {
  return delivered === 0 ? null : valid / delivered;
}
