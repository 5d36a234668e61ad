// Trimming: no weight over a cap, the total kept, as R's survey::trimWeights(upper = cap,
// strict = TRUE) does it. R caps the weights over the cap and spreads what they lost equally over
// all the others, and repeats (the spread can push more weights over the cap). Every round adds the
// same amount to every weight still under the cap, so the rounds converge to
//   w'_i = min(w_i + Δ, cap),   Δ ≥ 0 such that Σ w' = Σ w,
// which is computed here directly, exact, with no rounds to run out.
// Trimming moves weight across cells, so post-stratified cell totals no longer hold; to keep
// margins with a cap, rake with rakeWeights(…, { cap }) instead.
import { WeightingError, capValue, type WeightCap } from "./types";

export type Trimming = {
  weights: number[];
  /** The cap in weight units (a `timesMean` cap resolved against the mean weight). */
  cap: number;
  /** Units now at the cap. */
  trimmed: number;
};

/** Trimmed weights, in the order given. Throws WeightingError for a weight that is not positive or a cap below the mean. */
export function trimWeights(weights: number[], cap: WeightCap): Trimming {
  weights.forEach((w, i) => {
    if (!(Number.isFinite(w) && w > 0))
      throw new WeightingError("invalid-weight", `Weight ${i} is ${w}; weights must be positive`);
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  const upper = capValue(cap, total, weights.length);
  if (weights.every((w) => w <= upper)) return { weights: [...weights], cap: upper, trimmed: 0 };

  // With the k smallest weights under the cap, Δ = (total − (n − k)·cap − Σ of those k) / k; the
  // right k is the one whose Δ keeps its k-th weight under the cap and lifts the next one over it.
  const sorted = [...weights].sort((a, b) => a - b);
  const n = sorted.length;
  let shift = 0;
  let sumBelow = 0;
  for (let k = 1; k <= n; k++) {
    sumBelow += sorted[k - 1];
    shift = (total - (n - k) * upper - sumBelow) / k;
    if (k === n || sorted[k] + shift >= upper) break;
  }
  const trimmedWeights = weights.map((w) => Math.min(w + shift, upper));
  return { weights: trimmedWeights, cap: upper, trimmed: trimmedWeights.filter((w) => w === upper).length };
}
