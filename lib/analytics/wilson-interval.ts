// The 95 % Wilson score interval of DESIGN.md §4, exactly as written there. Browser-safe.
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
