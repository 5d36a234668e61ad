// A weighted share with its linearisation standard error, as R's survey::svymean gives it for a
// one-stage design sampled with replacement (svydesign(ids = ~1, weights = ~w)) and, when the
// weights were post-stratified, for that design after survey::postStratify.
//   p = Σ w_i y_i / Σ w_i,   z_i = w_i (y_i − p) / Σ w
// Post-stratification removes each post-stratum's mean from the z_i before the variance (R's
// svyrecvar, with d_i the design weight before post-stratification):
//   r_i = z_i − w_i · (Σ_{j ∈ s} z_j d_j / w_j) / Σ_{j ∈ s} d_j
//   SE² = n / (n − 1) · Σ (r_i − r̄)²
// Raked weights have no closed form (R backfits the margins), so give raked cases no `stratum`:
// the SE is then the plain with-replacement one, which forgoes raking's gain (usually too wide).
import type { WeightedCase } from "../statistics";

export type WeightedResponse = WeightedCase & {
  /** The design weight before post-stratification (1 by default); only read with `stratum`. */
  baseWeight?: number;
  /** The post-stratum (PostStratification.strata[i]) when the weights were post-stratified. */
  stratum?: string;
};

export type WeightedShare = { share: number; standardError: number | null };

/** `null` without weight; `standardError` null with fewer than two cases. */
export function weightedShare(cases: WeightedResponse[]): WeightedShare | null {
  const total = cases.reduce((sum, c) => sum + c.weight, 0);
  if (!(total > 0)) return null;
  const share = cases.reduce((sum, c) => sum + (c.flagged ? c.weight : 0), 0) / total;
  const n = cases.length;
  if (n < 2) return { share, standardError: null };

  const influence = cases.map((c) => (c.weight * ((c.flagged ? 1 : 0) - share)) / total);
  const strata = new Map<string, { weighted: number; design: number }>();
  cases.forEach((c, i) => {
    if (c.stratum === undefined) return;
    const design = c.baseWeight ?? 1;
    const s = strata.get(c.stratum) ?? { weighted: 0, design: 0 };
    s.weighted += (influence[i] * design) / c.weight;
    s.design += design;
    strata.set(c.stratum, s);
  });
  const residuals = cases.map((c, i) => {
    const s = c.stratum === undefined ? undefined : strata.get(c.stratum);
    return s ? influence[i] - (c.weight * s.weighted) / s.design : influence[i];
  });
  const mean = residuals.reduce((sum, r) => sum + r, 0) / n;
  const sumOfSquares = residuals.reduce((sum, r) => sum + (r - mean) ** 2, 0);
  return { share, standardError: Math.sqrt((n / (n - 1)) * sumOfSquares) };
}
