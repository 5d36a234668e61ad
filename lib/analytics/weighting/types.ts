// Shared shapes, errors and rules of the weighting core (DESIGN.md §4, "Weights"). Pure and
// browser-safe: every function here takes plain numbers and strings and returns new arrays.

/** A firm's value of each weighting variable, e.g. { city: "Siping", size: "micro" }. */
export type CellKey = Readonly<Record<string, string>>;

/** One responding firm: its weighting-variable values and its design (base) weight, 1 by default. */
export type SampleUnit = { values: CellKey; weight?: number };

/**
 * A weight cap: `absolute` weight units, or `timesMean` times the mean weight. Trimming and
 * raking both keep the total weight, so the mean (and with it the cap) stays what it was.
 */
export type WeightCap = { absolute: number } | { timesMean: number };

/** A population cell (or margin category) with a positive count and no respondents. */
export type CollapseWarning = {
  code: "empty-cell-collapsed";
  /** The empty cell; for a raking margin, { [variable]: value }. */
  cell: CellKey;
  /** The cell that took over its population count. */
  into: CellKey;
  population: number;
  message: string;
};

export type WeightingErrorCode =
  | "invalid-weight"
  | "invalid-options"
  | "invalid-table"
  | "cell-not-in-population"
  | "zero-population-cell"
  | "no-collapse-target"
  | "margin-totals-disagree"
  | "cap-infeasible"
  | "not-converged";

/** Input the weighting core cannot weight; the message names the cell, unit or margin. */
export class WeightingError extends Error {
  constructor(
    readonly code: WeightingErrorCode,
    message: string,
    readonly cell?: CellKey,
  ) {
    super(message);
    this.name = "WeightingError";
  }
}

/** A margin's worst category after the last pass: |achieved − target| / target. */
export type MarginError = { variable: string; value: string; target: number; achieved: number; relativeError: number };

/** Raking ran out of passes; `weights` are those after the last pass, for a caller who accepts them. */
export class RakingConvergenceError extends WeightingError {
  constructor(
    readonly iterations: number,
    readonly worstMargin: MarginError,
    readonly weights: number[],
  ) {
    super(
      "not-converged",
      `Raking did not converge in ${iterations} passes: ${worstMargin.variable}=${worstMargin.value} reaches ` +
        `${worstMargin.achieved} of ${worstMargin.target} (relative error ${worstMargin.relativeError.toExponential(2)})`,
      { [worstMargin.variable]: worstMargin.value },
    );
    this.name = "RakingConvergenceError";
  }
}

export const describeCell = (cell: CellKey) =>
  Object.entries(cell)
    .map(([variable, value]) => `${variable}=${value}`)
    .join(", ");

/** A unit's design weight, which must be a positive finite number (a zero would empty its cell). */
export function baseWeightOf(unit: SampleUnit, index: number): number {
  const weight = unit.weight ?? 1;
  if (!(Number.isFinite(weight) && weight > 0))
    throw new WeightingError("invalid-weight", `Unit ${index} has weight ${weight}; base weights must be positive`);
  return weight;
}

/**
 * The collapse rule's notion of "nearest value": among the values (in their declared order) that
 * `usable` accepts, the one closest in position to `from`, the earlier one on a tie. -1 if none.
 */
export function nearestUsableIndex(length: number, from: number, usable: (index: number) => boolean): number {
  for (let distance = 1; distance < length; distance++) {
    if (from - distance >= 0 && usable(from - distance)) return from - distance;
    if (from + distance < length && usable(from + distance)) return from + distance;
  }
  return -1;
}

/** The cap in weight units for weights totalling `total` over `count` units. */
export function capValue(cap: WeightCap, total: number, count: number): number {
  const value = "absolute" in cap ? cap.absolute : cap.timesMean * (total / count);
  if (!(value > 0)) throw new WeightingError("cap-infeasible", `The weight cap must be positive (got ${value})`);
  // Keeping the total with every weight at most the cap needs count × cap ≥ total.
  if (value * count < total * (1 - 1e-12))
    throw new WeightingError(
      "cap-infeasible",
      `A cap of ${value} cannot keep the total ${total} over ${count} units (needs at least ${total / count})`,
    );
  return value;
}
