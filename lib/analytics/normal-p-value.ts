// Tail probabilities for the tests of DESIGN.md §4. erfc comes from stdlib (a port of the
// FreeBSD libm routine, accurate to double precision), so p-values are exact enough to report.
import erfc from "@stdlib/math-base-special-erfc";

/** Two-sided p-value of a standard normal statistic z. */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/** Upper-tail p-value of a chi-square statistic with one degree of freedom. */
export function chiSquare1P(statistic: number): number {
  return statistic <= 0 ? 1 : erfc(Math.sqrt(statistic / 2));
}
