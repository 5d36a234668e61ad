// Post-stratification to known population counts per breakdown cell (DESIGN.md §4), as R's
// survey::postStratify computes it: a unit in cell c with design weight d_i gets
//   w_i = d_i · N_c / Σ_{j ∈ c} d_j,
// so the weights of each cell sum to its population count N_c (N_c / n_c for unit weights).
import {
  WeightingError,
  baseWeightOf,
  describeCell,
  nearestUsableIndex,
  type CellKey,
  type CollapseWarning,
  type SampleUnit,
} from "./types";

/**
 * The population of every cell of the stratifying variables. `variables` fix the collapse
 * rule's order: each variable's values in order (adjacent values are "near"), and the variables
 * listed last are collapsed first, so list the one whose neighbouring values are most alike last
 * (size class after city). A cell missing from `cells` has no population.
 */
export type PopulationTable = {
  variables: { name: string; values: string[] }[];
  cells: { cell: CellKey; count: number }[];
};

export type PostStratification = {
  /** One weight per unit, in the order given. */
  weights: number[];
  /** Each unit's post-stratum after collapsing (its cell described), for the variance of a share. */
  strata: string[];
  /** One per empty cell whose population went to a neighbour. */
  warnings: CollapseWarning[];
};

type Cell = { key: CellKey; positions: number[]; population: number; units: number[]; into?: Cell };

/**
 * Post-stratified weights. A cell with population but no respondents cannot be weighted; its
 * population goes to the nearest cell with respondents that differs from it in one variable only:
 * trying the last variable first, then the one before, and so on; within a variable, the nearest
 * value in declared order, the earlier on a tie (an empty Siping-medium goes to Siping-small).
 * Each such merge is reported in `warnings`.
 *
 * Throws WeightingError when a unit's cell is not in the table ("cell-not-in-population"), when a
 * cell with respondents has population 0 ("zero-population-cell"), when an empty cell has no
 * neighbour with respondents ("no-collapse-target"), on a malformed table ("invalid-table") or a
 * base weight that is not positive ("invalid-weight").
 */
export function postStratify(units: SampleUnit[], population: PopulationTable): PostStratification {
  const { variables } = population;
  if (variables.length === 0) throw new WeightingError("invalid-table", "The population table has no variables");
  const cells = new Map<string, Cell>();
  const positionsOf = (key: CellKey) =>
    variables.map(({ name, values }) => (key[name] === undefined ? -1 : values.indexOf(key[name])));
  const id = (positions: number[]) => positions.join(",");

  for (const { cell, count } of population.cells) {
    const positions = positionsOf(cell);
    if (positions.includes(-1) || Object.keys(cell).length !== variables.length)
      throw new WeightingError(
        "invalid-table",
        `Population cell ${describeCell(cell)} does not fit the variables`,
        cell,
      );
    if (!(Number.isFinite(count) && count >= 0))
      throw new WeightingError("invalid-table", `Population cell ${describeCell(cell)} has count ${count}`, cell);
    if (cells.has(id(positions)))
      throw new WeightingError("invalid-table", `Population cell ${describeCell(cell)} is listed twice`, cell);
    cells.set(id(positions), { key: cell, positions, population: count, units: [] });
  }

  const baseWeights = units.map(baseWeightOf);
  units.forEach((unit, index) => {
    const cell = cells.get(id(positionsOf(unit.values)));
    const key = Object.fromEntries(variables.map(({ name }) => [name, unit.values[name] ?? "(missing)"]));
    if (!cell)
      throw new WeightingError(
        "cell-not-in-population",
        `Unit ${index} is in cell ${describeCell(key)}, which the population table does not have`,
        key,
      );
    if (cell.population === 0)
      throw new WeightingError(
        "zero-population-cell",
        `Cell ${describeCell(cell.key)} has respondents but a population of 0`,
        cell.key,
      );
    cell.units.push(index);
  });

  const warnings: CollapseWarning[] = [];
  for (const cell of cells.values()) {
    if (cell.units.length > 0 || cell.population === 0) continue;
    cell.into = collapseTarget(cell, cells, variables, id);
    cell.into.population += cell.population;
    warnings.push({
      code: "empty-cell-collapsed",
      cell: cell.key,
      into: cell.into.key,
      population: cell.population,
      message: `No respondents in ${describeCell(cell.key)}: its population of ${cell.population} is weighted by ${describeCell(cell.into.key)}`,
    });
  }

  const weights = new Array<number>(units.length);
  const strata = new Array<string>(units.length);
  for (const cell of cells.values()) {
    const designTotal = cell.units.reduce((sum, i) => sum + baseWeights[i], 0);
    for (const i of cell.units) {
      weights[i] = (baseWeights[i] * cell.population) / designTotal;
      strata[i] = describeCell(cell.key);
    }
  }
  return { weights, strata, warnings };
}

// Only cells with respondents are targets, so a merge never chains through another empty cell.
function collapseTarget(
  empty: Cell,
  cells: Map<string, Cell>,
  variables: PopulationTable["variables"],
  id: (positions: number[]) => string,
): Cell {
  for (let v = variables.length - 1; v >= 0; v--) {
    const neighbour = (position: number) => cells.get(id(empty.positions.map((p, i) => (i === v ? position : p))));
    const nearest = nearestUsableIndex(variables[v].values.length, empty.positions[v], (position) =>
      Boolean(neighbour(position)?.units.length),
    );
    if (nearest >= 0) return neighbour(nearest)!;
  }
  throw new WeightingError(
    "no-collapse-target",
    `Cell ${describeCell(empty.key)} has a population of ${empty.population} but no respondents, and no cell ` +
      `differing from it in one variable has any`,
    empty.key,
  );
}
