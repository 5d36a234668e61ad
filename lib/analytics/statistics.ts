// The statistics of DESIGN.md §4, each against hand-computed or reference values in
// tests/unit/statistics.test.ts. Pure and browser-safe.
import erfc from "@stdlib/math-base-special-erfc";

// Tail probabilities. erfc comes from stdlib (a port of the FreeBSD libm routine, accurate to
// double precision), so p-values are exact enough to report.
/** Two-sided p-value of a standard normal statistic z. */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Upper-tail p-value of a chi-square statistic x with an integer number of degrees of freedom ν
 * (contingency tables have no other), in closed form (Abramowitz & Stegun 26.4.4–5), y = x/2:
 *   ν even: Q = Σ_{k=0}^{ν/2−1} e^{−y} y^k / k!
 *   ν odd:  Q = erfc(√y) + Σ_{k=1}^{(ν−1)/2} e^{−y} y^{k−½} / Γ(k + ½)
 * All terms are positive, so the tail keeps its digits at tiny p (no 1 − CDF); each term is built
 * in logs, so e^{−y} cannot underflow before the powers of y make up for it. stdlib's gammainc
 * would do the same, but its series helpers probe for generators with eval when loaded, which the
 * pages' Content-Security-Policy refuses, and this module is in the dashboard's client bundle.
 */
export function chiSquareP(statistic: number, df: number): number {
  if (!(Number.isInteger(df) && df >= 1)) throw new RangeError(`chiSquareP needs a positive integer df, got ${df}`);
  if (!(statistic > 0)) return 1;
  const y = statistic / 2;
  const odd = df % 2 === 1;
  let p = odd ? erfc(Math.sqrt(y)) : 0;
  // log of the first term: e^{−y} (ν even) or e^{−y} y^{½} / Γ(3/2) (ν odd)
  let logTerm = odd ? -y + Math.log(2 * Math.sqrt(y / Math.PI)) : -y;
  let order = odd ? 1.5 : 1;
  for (let k = 0; k < Math.floor(df / 2); k++) {
    p += Math.exp(logTerm);
    logTerm += Math.log(y / order);
    order++;
  }
  return Math.min(1, p);
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

// Kish's effective sample size (Σw)² / Σw²: the n a weighted share's interval uses. From the sums
// (what result cells keep), or from the weights themselves.
export const effectiveSizeOf = (sum: number, sumOfSquares: number): number =>
  sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;

export function effectiveSampleSize(weights: number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const w of weights) {
    sum += w;
    sumOfSquares += w * w;
  }
  return effectiveSizeOf(sum, sumOfSquares);
}

/**
 * Kish's design effect of weighting, n / n_eff = n·Σw² / (Σw)², which equals 1 + CV² of the
 * weights (CV with the population variance, divisor n). `null` without weight.
 */
export function designEffect(weights: number[]): number | null {
  const effective = effectiveSampleSize(weights);
  return effective === 0 ? null : weights.length / effective;
}

/** One case of a weighted item base: its weight and whether it flagged the factor. */
export type WeightedCase = { weight: number; flagged: boolean };

export type WeightedInterval = { share: number; effectiveN: number; interval: Interval };

/**
 * DESIGN.md §4 with weights: p = Σ w·y / Σ w over the item's base, n = n_eff = (Σw)² / Σw², and
 * the Wilson interval of p at that n:
 *   centre = (p + z²/2n) / (1 + z²/n),  half-width = z/(1 + z²/n) · sqrt(p(1−p)/n + z²/4n²).
 * `null` when the base has no weight.
 */
export function weightedWilsonInterval(cases: WeightedCase[], z = Z_95): WeightedInterval | null {
  const weights = cases.map((c) => c.weight);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const effectiveN = effectiveSampleSize(weights);
  if (!(total > 0) || effectiveN === 0) return null;
  const share = cases.reduce((sum, c) => sum + (c.flagged ? c.weight : 0), 0) / total;
  return { share, effectiveN, interval: wilsonInterval(share, effectiveN, z)! };
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

// One factor across k ≥ 2 groups (e.g. the cities): Pearson's chi-square test of independence on
// the 2 × k table flagged / not flagged, without continuity correction, as R's
// chisq.test(table, correct = FALSE).
export type ChiSquareResult = {
  statistic: number;
  df: number;
  p: number;
  /** The smallest expected count; under 5 the chi-square approximation is doubtful. */
  minExpected: number;
  smallExpected: boolean;
};

/**
 * X² = Σ (O − E)² / E over both rows, E = group size × pooled share, df = k − 1, p from the
 * chi-square distribution. Empty groups carry no information and are left out (they do not count
 * in k); `null` with fewer than two groups left. Every group all flagged or all not: no variation,
 * so X² = 0 and p = 1 (R gives NaN).
 */
export function chiSquareTest(groups: ProportionSample[]): ChiSquareResult | null {
  const used = groups.filter((g) => g.n > 0);
  if (used.length < 2) return null;
  const total = used.reduce((sum, g) => sum + g.n, 0);
  const pooled = used.reduce((sum, g) => sum + g.count, 0) / total;
  let statistic = 0;
  let minExpected = Infinity;
  for (const { count, n } of used) {
    for (const [observed, expected] of [
      [count, n * pooled],
      [n - count, n * (1 - pooled)],
    ]) {
      minExpected = Math.min(minExpected, expected);
      if (expected > 0) statistic += (observed - expected) ** 2 / expected;
    }
  }
  const df = used.length - 1;
  return { statistic, df, p: chiSquareP(statistic, df), minExpected, smallExpected: minExpected < 5 };
}

/**
 * The weighted version, an approximation: each group's weighted share p_g at its Kish effective
 * size n_g = (Σw)²/Σw² stands in for its counts (count = p_g·n_g out of n_g), then chiSquareTest:
 *   X² = Σ_g n_g (p_g − p̄)² / (p̄(1 − p̄)),  p̄ = Σ n_g p_g / Σ n_g,  df = k − 1.
 * It is not R's svychisq (whose Rao-Scott correction uses the design's variance estimates); on
 * unit weights it is exactly the unweighted test.
 */
export function weightedChiSquareTest(groups: WeightedCase[][]): ChiSquareResult | null {
  return chiSquareTest(
    groups.map((cases) => {
      const weighted = weightedWilsonInterval(cases);
      return weighted ? { count: weighted.share * weighted.effectiveN, n: weighted.effectiveN } : { count: 0, n: 0 };
    }),
  );
}

// Two factors answered by the same firms: McNemar's test; only the discordant pairs matter,
// b = firms flagging the first factor only, c = the second only.
/** Under this many discordant pairs, "auto" uses the exact binomial test, as statisticians advise. */
export const MCNEMAR_EXACT_BELOW = 25;

export type McNemarMethod = "exact-binomial" | "chi-square" | "chi-square-corrected";
export type McNemarResult = { statistic: number; p: number; method: McNemarMethod };

/**
 * `method: "chi-square"`: R's mcnemar.test, X² = (|b − c| − 1)² / (b + c) with Edwards' continuity
 * correction (the default, as in R) or (b − c)² / (b + c) with `correct: false`, df = 1.
 * `method: "exact"`: R's binom.test(b, b + c, 0.5), two-sided p = min(1, 2·P(X ≤ min(b, c))),
 * X ~ Binomial(b + c, ½); its statistic is b. `"auto"` (the default): exact under
 * MCNEMAR_EXACT_BELOW discordant pairs, chi-square from there on.
 */
export function mcnemarTest(
  b: number,
  c: number,
  { correct = true, method = "auto" }: { correct?: boolean; method?: "auto" | "chi-square" | "exact" } = {},
): McNemarResult {
  const discordant = b + c;
  if (method === "exact" || (method === "auto" && discordant < MCNEMAR_EXACT_BELOW))
    return { statistic: b, p: Math.min(1, 2 * binomialHalfCdf(Math.min(b, c), discordant)), method: "exact-binomial" };
  const chiSquareMethod = correct ? "chi-square-corrected" : "chi-square";
  if (discordant === 0) return { statistic: 0, p: 1, method: chiSquareMethod };
  const difference = Math.max(0, Math.abs(b - c) - (correct ? 1 : 0));
  const statistic = (difference * difference) / discordant;
  return { statistic, p: chiSquareP(statistic, 1), method: chiSquareMethod };
}

// P(X ≤ k) for X ~ Binomial(n, ½): terms C(n, i)/2ⁿ built in logs (2ⁿ overflows past n = 1023),
// added smallest first.
function binomialHalfCdf(k: number, n: number): number {
  let logTerm = -n * Math.LN2;
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return sum;
}

// Validity rate = valid / delivered: 226 / 250 = 90.4 % in the model survey.
export function validityRate(valid: number, delivered: number): number | null {
  return delivered === 0 ? null : valid / delivered;
}
