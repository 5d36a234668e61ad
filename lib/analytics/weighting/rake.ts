// Raking (iterative proportional fitting) to known margins (DESIGN.md §4). One pass
// post-stratifies on each margin in turn, w_i ← w_i · T_{k,v} / Σ_{j: x_jk = v} w_j, exactly as a
// pass of R's survey::rake; passes repeat to the fixed point, which does not depend on the order.
//
// Convergence differs from R on purpose: R stops when no cell of the full cross-table moved by
// more than `epsilon` (1 weight unit by default, at most 10 passes) since the last pass, which says
// little about how far the margins are; here the pass count stops when every margin category is
// within `tolerance` of its target, relative: max |Σw − T| / T ≤ tolerance (default 1e-7).
import {
  RakingConvergenceError,
  WeightingError,
  baseWeightOf,
  capValue,
  nearestUsableIndex,
  type CollapseWarning,
  type MarginError,
  type SampleUnit,
  type WeightCap,
} from "./types";

/** A margin: each value of `variable` (in order: adjacent values are "near") with its population total. */
export type RakingMargin = { variable: string; totals: { value: string; total: number }[] };

export type RakingOptions = {
  /** Largest relative error of any margin category accepted as converged; default 1e-7. */
  tolerance?: number;
  /** Passes over all margins before giving up; default 100. */
  maxIterations?: number;
  /**
   * Trimmed raking: after every pass, weights over the cap are set to it; the next pass hands
   * what they lost to the other units of their categories. Converges to margins met with no weight
   * over the cap when that is possible, but more slowly the tighter the cap; which such weights
   * it reaches depends on the order of the margins.
   */
  cap?: WeightCap;
};

export type Raking = {
  weights: number[];
  /** Passes done. */
  iterations: number;
  /** The category furthest from its target after the last pass. */
  worstMargin: MarginError;
  /** One per category with a positive total and no respondents, merged into a neighbour. */
  warnings: CollapseWarning[];
};

type PreparedMargin = { variable: string; values: string[]; targets: number[]; categoryOf: number[] };

/**
 * Raked weights, one per unit in the order given, starting from the units' design weights.
 * A category with a positive total and no respondents gives its total to the nearest value with
 * respondents in the margin's order (the earlier on a tie), with a warning.
 *
 * Throws WeightingError when a unit's value is not in a margin ("cell-not-in-population"), a
 * category with respondents has total 0 ("zero-population-cell"), the margins' totals differ by
 * more than `tolerance` relative ("margin-totals-disagree"), the cap cannot hold the total
 * ("cap-infeasible"), or a margin is malformed ("invalid-table"); RakingConvergenceError when
 * `maxIterations` passes leave a category further than `tolerance` from its target.
 */
export function rakeWeights(units: SampleUnit[], margins: RakingMargin[], options: RakingOptions = {}): Raking {
  const { tolerance = 1e-7, maxIterations = 100 } = options;
  if (!(tolerance > 0) || !(Number.isInteger(maxIterations) && maxIterations >= 1))
    throw new WeightingError("invalid-options", "tolerance must be positive and maxIterations a positive integer");
  if (margins.length === 0) throw new WeightingError("invalid-table", "Raking needs at least one margin");
  if (new Set(margins.map((m) => m.variable)).size !== margins.length)
    throw new WeightingError("invalid-table", "Each variable may have one margin only");

  const warnings: CollapseWarning[] = [];
  const prepared = margins.map((margin) => prepareMargin(units, margin, warnings));
  const totals = margins.map((m) => m.totals.reduce((sum, { total }) => sum + total, 0));
  if (!(totals[0] > 0)) throw new WeightingError("invalid-table", `The ${margins[0].variable} margin totals 0`);
  totals.forEach((total, k) => {
    if (Math.abs(total - totals[0]) > tolerance * totals[0])
      throw new WeightingError(
        "margin-totals-disagree",
        `The ${margins[k].variable} margin totals ${total}, the ${margins[0].variable} margin ${totals[0]}`,
      );
  });
  const cap = options.cap && capValue(options.cap, totals[0], units.length);

  const weights = units.map(baseWeightOf);
  for (let iteration = 1; ; iteration++) {
    for (const margin of prepared) {
      const achieved = categorySums(margin, weights);
      weights.forEach((w, i) => {
        const c = margin.categoryOf[i];
        weights[i] = (w * margin.targets[c]) / achieved[c];
      });
    }
    if (cap !== undefined) weights.forEach((w, i) => (weights[i] = Math.min(w, cap)));
    const worstMargin = worstMarginOf(prepared, weights);
    if (worstMargin.relativeError <= tolerance) return { weights, iterations: iteration, worstMargin, warnings };
    if (iteration === maxIterations) throw new RakingConvergenceError(iteration, worstMargin, weights);
  }
}

function prepareMargin(units: SampleUnit[], margin: RakingMargin, warnings: CollapseWarning[]): PreparedMargin {
  const { variable } = margin;
  const values = margin.totals.map((t) => t.value);
  const targets = margin.totals.map((t) => t.total);
  if (new Set(values).size !== values.length)
    throw new WeightingError("invalid-table", `The ${variable} margin lists a value twice`);
  targets.forEach((total, c) => {
    if (!(Number.isFinite(total) && total >= 0))
      throw new WeightingError("invalid-table", `The ${variable} margin gives ${values[c]} the total ${total}`);
  });

  const respondents = new Array<number>(values.length).fill(0);
  const categoryOf = units.map((unit, index) => {
    const value = unit.values[variable];
    const c = value === undefined ? -1 : values.indexOf(value);
    if (c < 0)
      throw new WeightingError(
        "cell-not-in-population",
        `Unit ${index} has ${variable}=${value ?? "(missing)"}, which the ${variable} margin does not have`,
        { [variable]: value ?? "(missing)" },
      );
    if (targets[c] === 0)
      throw new WeightingError(
        "zero-population-cell",
        `${variable}=${values[c]} has respondents but a margin total of 0`,
        { [variable]: values[c] },
      );
    respondents[c]++;
    return c;
  });

  targets.forEach((total, c) => {
    if (respondents[c] > 0 || total === 0) return;
    const into = nearestUsableIndex(values.length, c, (other) => respondents[other] > 0);
    if (into < 0)
      throw new WeightingError(
        "no-collapse-target",
        `The ${variable} margin has no category with respondents to take ${values[c]}'s total of ${total}`,
        { [variable]: values[c] },
      );
    targets[into] += total;
    targets[c] = 0;
    warnings.push({
      code: "empty-cell-collapsed",
      cell: { [variable]: values[c] },
      into: { [variable]: values[into] },
      population: total,
      message: `No respondents with ${variable}=${values[c]}: its total of ${total} is weighted by ${variable}=${values[into]}`,
    });
  });
  return { variable, values, targets, categoryOf };
}

function categorySums(margin: PreparedMargin, weights: number[]): number[] {
  const sums = new Array<number>(margin.values.length).fill(0);
  weights.forEach((w, i) => (sums[margin.categoryOf[i]] += w));
  return sums;
}

function worstMarginOf(margins: PreparedMargin[], weights: number[]): MarginError {
  let worst: MarginError | undefined;
  for (const margin of margins) {
    const achieved = categorySums(margin, weights);
    margin.targets.forEach((target, c) => {
      // Categories left with a total of 0 have no respondents, hence nothing to miss.
      if (target === 0) return;
      const relativeError = Math.abs(achieved[c] - target) / target;
      if (!worst || relativeError > worst.relativeError)
        worst = { variable: margin.variable, value: margin.values[c], target, achieved: achieved[c], relativeError };
    });
  }
  return worst!;
}
