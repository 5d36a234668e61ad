// Kish's effective sample size (Σw)² / Σw²: the n a weighted share's interval uses (DESIGN.md §4).
// Browser-safe.
export function kishEffectiveN(weights: number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const w of weights) {
    sum += w;
    sumOfSquares += w * w;
  }
  return sumOfSquares === 0 ? 0 : (sum * sum) / sumOfSquares;
}
