// The weighting core against R's survey package (4.1.1): every R vector below was printed by
// tests/fixtures/weighting/reference.R on the sample of tests/fixtures/weighting/jilin-sample.ts,
// and is compared to 1e-6. Then properties on random samples and targets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CITY_MARGIN,
  FIRMS,
  POPULATION,
  SECTOR_MARGIN,
  SIZE_MARGIN,
  unitsOf,
  R_POST_STRATIFIED,
  R_RAKED_CITY_SIZE,
} from "@/tests/fixtures/weighting/jilin-sample";
import {
  RakingConvergenceError,
  WeightingError,
  postStratify,
  rakeWeights,
  trimWeights,
  weightedShare,
  type PopulationTable,
  type RakingMargin,
  type SampleUnit,
} from "@/lib/analytics/weighting";

const expectAllClose = (actual: number[], expected: number[], tolerance = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]), `weight ${i}`).toBeLessThanOrEqual(tolerance));
};
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
};
const sharesOf = (weights: number[], extra: (i: number) => object = () => ({})) =>
  weightedShare(FIRMS.map((f, i) => ({ weight: weights[i], flagged: f.concern, ...extra(i) })))!;

// R: the same from svydesign(ids = ~1, weights = ~d)
const R_POST_STRATIFIED_D = [
  646.153846154, 1292.30769231, 646.153846154, 969.230769231, 646.153846154, 900, 450, 450, 150, 450, 1050, 525, 525,
  385.714285714, 514.285714286, 150, 150, 900, 300, 333.333333333, 166.666666667, 150, 1285.71428571, 857.142857143,
  857.142857143, 550, 275, 275, 100, 250,
];

describe("postStratify (R: survey::postStratify)", () => {
  it("gives unit-weighted firms N_c / n_c, and svymean's share and SE", () => {
    const { weights, strata, warnings } = postStratify(unitsOf(FIRMS), POPULATION);
    expectAllClose(weights, R_POST_STRATIFIED);
    expect(warnings).toEqual([]);
    expect(strata[0]).toBe("city=Changchun, size=micro");
    const { share, standardError } = sharesOf(weights, (i) => ({ stratum: strata[i] }));
    expect(share).toBeCloseTo(0.618004115226, 10);
    expect(standardError).toBeCloseTo(0.0967305568075, 10);
  });

  it("gives design-weighted firms their share d_i / Σd of the cell's count, and svymean's share and SE", () => {
    const units = unitsOf(FIRMS, { designWeights: true });
    const { weights, strata } = postStratify(units, POPULATION);
    expectAllClose(weights, R_POST_STRATIFIED_D);
    const { share, standardError } = sharesOf(weights, (i) => ({ stratum: strata[i], baseWeight: FIRMS[i].d }));
    expect(share).toBeCloseTo(0.677870483426, 10);
    expect(standardError).toBeCloseTo(0.0867621717841, 10);
    // R: svymean(~concern, svydesign(ids = ~1, weights = ~d)), no post-strata.
    const plain = sharesOf(FIRMS.map((f) => f.d));
    expect(plain.share).toBeCloseTo(0.639534883721, 10);
    expect(plain.standardError).toBeCloseTo(0.0920247891085, 10);
  });

  it("makes every cell's weights sum to its population", () => {
    const { weights } = postStratify(unitsOf(FIRMS, { designWeights: true }), POPULATION);
    for (const { cell, count } of POPULATION.cells) {
      const inCell = weights.filter((_, i) => FIRMS[i].city === cell.city && FIRMS[i].size === cell.size);
      expect(sum(inCell)).toBeCloseTo(count, 9);
    }
    expect(sum(weights)).toBeCloseTo(16200, 8);
  });

  it("merges an empty cell into the nearest size of its city, with a warning (R: the collapsed cell)", () => {
    const firms = FIRMS.filter((_, i) => i !== 21); // the only Siping-medium firm
    const { weights, warnings } = postStratify(unitsOf(firms, { designWeights: true }), POPULATION);
    expectAllClose(
      weights,
      [
        646.153846154, 1292.30769231, 646.153846154, 969.230769231, 646.153846154, 900, 450, 450, 150, 450, 1050, 525,
        525, 385.714285714, 514.285714286, 150, 150, 900, 300, 433.333333333, 216.666666667, 1285.71428571,
        857.142857143, 857.142857143, 550, 275, 275, 100, 250,
      ],
    );
    expect(warnings).toEqual([
      {
        code: "empty-cell-collapsed",
        cell: { city: "Siping", size: "medium" },
        into: { city: "Siping", size: "small" },
        population: 150,
        message:
          "No respondents in city=Siping, size=medium: its population of 150 is weighted by city=Siping, size=small",
      },
    ]);
    expect(sum(weights)).toBeCloseTo(16200, 8);
  });

  it("falls back to the earlier variable when a whole city is empty: the nearest city, the earlier on a tie", () => {
    const firms = FIRMS.filter((f) => f.city !== "Siping");
    const { weights, warnings } = postStratify(unitsOf(firms), POPULATION);
    expect(warnings.map((w) => [w.cell, w.into])).toEqual(
      ["micro", "small", "medium"].map((size) => [
        { city: "Siping", size },
        { city: "Jilin City", size },
      ]),
    );
    const jilinMicro = weights.filter((_, i) => firms[i].city === "Jilin City" && firms[i].size === "micro");
    expect(sum(jilinMicro)).toBeCloseTo(2100 + 1200, 9);
    expect(sum(weights)).toBeCloseTo(16200, 8);
  });

  it("names the cell it cannot weight", () => {
    const harbin: SampleUnit = { values: { city: "Harbin", size: "micro" } };
    expect(thrown(() => postStratify([...unitsOf(FIRMS), harbin], POPULATION))).toMatchObject({
      code: "cell-not-in-population",
      message: "Unit 30 is in cell city=Harbin, size=micro, which the population table does not have",
      cell: { city: "Harbin", size: "micro" },
    });
    const zeroed = {
      ...POPULATION,
      cells: POPULATION.cells.map((c) => (c.cell.city === "other" ? { ...c, count: 0 } : c)),
    };
    expect(thrown(() => postStratify(unitsOf(FIRMS), zeroed))).toMatchObject({
      code: "zero-population-cell",
      message: "Cell city=other, size=micro has respondents but a population of 0",
    });
    const lonely = unitsOf(FIRMS.slice(0, 1)); // one Changchun-micro firm: Jilin City-small has no neighbour
    expect(thrown(() => postStratify(lonely, POPULATION))).toMatchObject({
      code: "no-collapse-target",
      cell: { city: "Jilin City", size: "small" },
    });
    expect(thrown(() => postStratify([{ ...harbin, weight: 0 }], POPULATION))).toMatchObject({
      code: "invalid-weight",
    });
    const twice = { ...POPULATION, cells: [...POPULATION.cells, POPULATION.cells[0]] };
    expect(thrown(() => postStratify(unitsOf(FIRMS), twice))).toMatchObject({ code: "invalid-table" });
    expect(thrown(() => postStratify(unitsOf(FIRMS), twice))).toBeInstanceOf(WeightingError);
  });
});

const R_RAKED_THREE_D = [
  665.171261637, 1500.3961104, 750.198055202, 1009.42047744, 665.171261637, 686.961772224, 347.496111199, 387.38698982,
  145.672329108, 442.125631332, 1019.3481607, 574.824148184, 509.674080352, 445.24121643, 526.370620152, 111.618487828,
  112.92328635, 996.149617404, 294.415629398, 342.92757672, 152.030232067, 64.4769444108, 1114.03147209, 742.687648059,
  658.512077492, 688.034493681, 383.508768602, 340.042219106, 162.648397085, 360.534923885,
];
const marginSums = (weights: number[], margin: RakingMargin, units: SampleUnit[]) =>
  margin.totals.map(({ value }) => sum(weights.filter((_, i) => units[i].values[margin.variable] === value)));

describe("rakeWeights (R: survey::rake)", () => {
  const threeMargins = [CITY_MARGIN, SIZE_MARGIN, SECTOR_MARGIN];

  it("rakes unit weights to city and size as R does, and gives svymean's share", () => {
    const { weights, warnings, worstMargin } = rakeWeights(unitsOf(FIRMS), [CITY_MARGIN, SIZE_MARGIN], {
      tolerance: 1e-12,
    });
    expectAllClose(weights, R_RAKED_CITY_SIZE);
    expect(warnings).toEqual([]);
    expect(worstMargin.relativeError).toBeLessThanOrEqual(1e-12);
    expect(sharesOf(weights).share).toBeCloseTo(0.608478401753, 10);
  });

  it("rakes design weights to three margins as R does, reproducing every margin", () => {
    const units = unitsOf(FIRMS, { designWeights: true });
    const { weights } = rakeWeights(units, threeMargins, { tolerance: 1e-12, maxIterations: 1000 });
    expectAllClose(weights, R_RAKED_THREE_D);
    for (const margin of threeMargins)
      expectAllClose(
        marginSums(weights, margin, units),
        margin.totals.map((t) => t.total),
      );
    expect(sharesOf(weights).share).toBeCloseTo(0.669095051306, 10);
  });

  it("stops at the default tolerance (1e-7 relative on every margin), within 1e-6 of R's fixed point", () => {
    const units = unitsOf(FIRMS, { designWeights: true });
    const { weights, worstMargin, iterations } = rakeWeights(units, threeMargins);
    expect(worstMargin.relativeError).toBeLessThanOrEqual(1e-7);
    expect(iterations).toBeLessThan(100);
    weights.forEach((w, i) => expect(Math.abs(w / R_RAKED_THREE_D[i] - 1)).toBeLessThan(1e-6));
  });

  it("throws a typed error after maxIterations passes, carrying R's weights after as many passes", () => {
    const error = thrown(() =>
      rakeWeights(unitsOf(FIRMS, { designWeights: true }), threeMargins, { maxIterations: 2 }),
    ) as RakingConvergenceError;
    expect(error).toBeInstanceOf(RakingConvergenceError);
    expect(error).toBeInstanceOf(WeightingError);
    expect([error.code, error.iterations]).toEqual(["not-converged", 2]);
    // The last margin raked is met exactly; the worst is one of the others.
    expect(error.worstMargin.variable).not.toBe("sector");
    expect(error.worstMargin.relativeError).toBeGreaterThan(1e-7);
    expect(error.message).toMatch(/^Raking did not converge in 2 passes: \w+=[\w ]+ reaches /);
    // R: rake(…, control = list(maxit = 2, epsilon = 1e-13))
    expectAllClose(
      error.weights,
      [
        664.606763254, 1497.10306022, 748.55153011, 1011.68074499, 664.606763254, 683.269050243, 346.696312266,
        384.785501228, 144.282948756, 439.262099508, 1022.7332586, 575.9560299, 511.366629299, 444.09674031,
        525.725903565, 111.015248791, 112.660092967, 1000.75992204, 296.177255152, 342.953818339, 152.246984999,
        64.2986651513, 1116.84895468, 744.565969789, 661.068155372, 689.700750265, 382.736763414, 339.815538782,
        161.641709962, 358.786834785,
      ],
    );
  });

  it("rakes with a cap (2 × the mean weight): clipped after each pass, R's loop of one-pass rakes", () => {
    const units = unitsOf(FIRMS, { designWeights: true });
    const capped = rakeWeights(units, threeMargins, { cap: { timesMean: 2 }, tolerance: 1e-12 });
    const R_CAPPED = [
      720.140873576, 1080, 913.514106117, 1065.06702542, 720.140873576, 703.489108258, 346.813185883, 446.195492767,
      152.766140117, 451.873194285, 1000.59370275, 634.637260217, 500.296851375, 464.971941574, 488.728523477,
      106.129816681, 104.641903928, 1013.47462272, 284.555506459, 352.618186476, 138.987875035, 60.3638093125, 1080,
      831.830820933, 655.74835686, 631.604690484, 406.298228522, 320.292767524, 176.459340675, 347.765795003,
    ];
    expectAllClose(capped.weights, R_CAPPED);
    expect(capped.iterations).toBe(29);
    expect(Math.max(...capped.weights)).toBe(1080);
    const absolute = rakeWeights(units, threeMargins, { cap: { absolute: 1080 }, tolerance: 1e-12 });
    expect(absolute.weights).toEqual(capped.weights);
    expect(thrown(() => rakeWeights(units, threeMargins, { cap: { absolute: 500 } }))).toMatchObject({
      code: "cap-infeasible",
    });
  });

  it("merges an empty category into its nearest neighbour with a warning", () => {
    const firms = FIRMS.filter((f) => f.size !== "medium");
    const units = unitsOf(firms);
    const { weights, warnings } = rakeWeights(units, [CITY_MARGIN, SIZE_MARGIN]);
    expect(warnings).toEqual([
      {
        code: "empty-cell-collapsed",
        cell: { size: "medium" },
        into: { size: "small" },
        population: 1400,
        message: "No respondents with size=medium: its total of 1400 is weighted by size=small",
      },
    ]);
    expect(marginSums(weights, SIZE_MARGIN, units)[1]).toBeCloseTo(4300 + 1400, 3);
    expect(sum(weights)).toBeCloseTo(16200, 3);
  });

  it("names what it cannot rake", () => {
    const units = unitsOf(FIRMS);
    const short = { ...SIZE_MARGIN, totals: SIZE_MARGIN.totals.map((t, i) => (i === 0 ? { ...t, total: 10000 } : t)) };
    expect(thrown(() => rakeWeights(units, [CITY_MARGIN, short]))).toMatchObject({
      code: "margin-totals-disagree",
      message: "The size margin totals 15700, the city margin 16200",
    });
    const noOther = { ...CITY_MARGIN, totals: CITY_MARGIN.totals.slice(0, 3) };
    expect(thrown(() => rakeWeights(units, [noOther]))).toMatchObject({
      code: "cell-not-in-population",
      message: "Unit 22 has city=other, which the city margin does not have",
    });
    const zeroOther = { ...CITY_MARGIN, totals: [...CITY_MARGIN.totals.slice(0, 3), { value: "other", total: 0 }] };
    expect(thrown(() => rakeWeights(units, [zeroOther]))).toMatchObject({ code: "zero-population-cell" });
    expect(thrown(() => rakeWeights(units, []))).toMatchObject({ code: "invalid-table" });
  });
});

describe("trimWeights (R: survey::trimWeights, strict = TRUE)", () => {
  it("caps at an absolute 750 and spreads the excess as R does", () => {
    const { weights, cap, trimmed } = trimWeights(R_POST_STRATIFIED, { absolute: 750 });
    expectAllClose(
      weights,
      [
        750, 750, 750, 750, 750, 655.263157895, 655.263157895, 655.263157895, 355.263157895, 355.263157895, 750, 750,
        750, 505.263157895, 505.263157895, 205.263157895, 205.263157895, 655.263157895, 655.263157895, 305.263157895,
        305.263157895, 205.263157895, 750, 750, 750, 421.929824561, 421.929824561, 421.929824561, 230.263157895,
        230.263157895,
      ],
    );
    expect([cap, trimmed]).toEqual([750, 11]);
    expect(sum(weights)).toBeCloseTo(16200, 8);
  });

  it("caps at 1.2 × the mean weight (540 → 648), lifting weights over the cap in turn as R's rounds do", () => {
    const { weights, cap } = trimWeights(R_POST_STRATIFIED_D, { timesMean: 1.2 });
    expect(cap).toBeCloseTo(648, 10);
    expectAllClose(
      weights,
      [
        648, 648, 648, 648, 648, 648, 612.952380952, 612.952380952, 312.952380952, 612.952380952, 648, 648, 648,
        548.666666667, 648, 312.952380952, 312.952380952, 648, 462.952380952, 496.285714286, 329.619047619,
        312.952380952, 648, 648, 648, 648, 437.952380952, 437.952380952, 262.952380952, 412.952380952,
      ],
    );
  });

  it("leaves weights under the cap alone and refuses a cap under the mean", () => {
    expect(trimWeights([1, 2, 3], { absolute: 3 })).toEqual({ weights: [1, 2, 3], cap: 3, trimmed: 0 });
    expect(thrown(() => trimWeights([1, 2, 3], { timesMean: 0.9 }))).toMatchObject({ code: "cap-infeasible" });
    expect(thrown(() => trimWeights([1, -2], { absolute: 3 }))).toMatchObject({ code: "invalid-weight" });
  });
});

describe("weighting properties", () => {
  // 2–3 variables of 2–4 values, 1–60 extra units; the first units cover every value of every variable.
  const sample = fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }).chain((sizes) =>
    fc
      .array(
        fc.record({
          values: fc.tuple(...sizes.map((size) => fc.integer({ min: 0, max: size - 1 }))),
          weight: fc.double({ min: 0.2, max: 5, noNaN: true }),
          truth: fc.double({ min: 1, max: 1000, noNaN: true }),
        }),
        { minLength: 1, maxLength: 60 },
      )
      .map((extra) => {
        const cover = Array.from({ length: Math.max(...sizes) }, (_, i) => ({
          values: sizes.map((size) => i % size),
          weight: 1,
          truth: 10,
        }));
        const rows = [...cover, ...extra];
        const units: SampleUnit[] = rows.map((r) => ({
          values: Object.fromEntries(r.values.map((v, k) => [`v${k}`, `value ${v}`])),
          weight: r.weight,
        }));
        return { sizes, units, truth: rows.map((r) => r.truth) };
      }),
  );

  it("raked weights reproduce every target margin within the tolerance", () => {
    fc.assert(
      fc.property(sample, ({ sizes, units, truth }) => {
        // Targets are the margins of some positive weights of these very units, so they can be met.
        const margins: RakingMargin[] = sizes.map((size, k) => ({
          variable: `v${k}`,
          totals: Array.from({ length: size }, (_, v) => ({
            value: `value ${v}`,
            total: sum(truth.filter((_, i) => units[i].values[`v${k}`] === `value ${v}`)),
          })),
        }));
        const { weights } = rakeWeights(units, margins, { maxIterations: 100_000 });
        for (const margin of margins)
          marginSums(weights, margin, units).forEach((achieved, v) =>
            expect(Math.abs(achieved / margin.totals[v].total - 1)).toBeLessThanOrEqual(1e-7 * (1 + 1e-9)),
          );
      }),
      { numRuns: 200 },
    );
  });

  it("post-stratified weights sum to each cell's population, plus what empty neighbours merged into it", () => {
    fc.assert(
      fc.property(
        sample,
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 64, maxLength: 64 }),
        (s, counts) => {
          const { sizes, units } = s;
          const variables = sizes.map((size, k) => ({
            name: `v${k}`,
            values: Array.from({ length: size }, (_, v) => `value ${v}`),
          }));
          const cells = allCells(variables).map((cell, i) => ({ cell, count: counts[i] }));
          const population: PopulationTable = { variables, cells };
          let result;
          try {
            result = postStratify(units, population);
          } catch (error) {
            // A sparse sample may leave an empty cell with no weighted neighbour: the one refusal allowed.
            expect(error).toMatchObject({ code: "no-collapse-target" });
            return;
          }
          const { weights, warnings } = result;
          for (const { cell, count } of cells) {
            const inCell = weights.filter((_, i) =>
              variables.every(({ name }) => units[i].values[name] === cell[name]),
            );
            if (inCell.length === 0) continue;
            const merged = sum(
              warnings
                .filter((w) => variables.every(({ name }) => w.into[name] === cell[name]))
                .map((w) => w.population),
            );
            expect(sum(inCell)).toBeCloseTo(count + merged, 6);
          }
          expect(sum(weights)).toBeCloseTo(sum(counts.slice(0, cells.length)), 6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("trimmed weights keep the total and the order, and none is over the cap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (weights, timesMean) => {
          const trimmed = trimWeights(weights, { timesMean });
          expect(sum(trimmed.weights)).toBeCloseTo(sum(weights), 6);
          expect(Math.max(...trimmed.weights)).toBeLessThanOrEqual(trimmed.cap);
          weights.forEach((w, i) =>
            weights.forEach((other, j) => {
              if (w < other) expect(trimmed.weights[i]).toBeLessThanOrEqual(trimmed.weights[j]);
            }),
          );
        },
      ),
    );
  });
});

function allCells(variables: { name: string; values: string[] }[]): Record<string, string>[] {
  return variables.reduce<Record<string, string>[]>(
    (cells, { name, values }) => cells.flatMap((cell) => values.map((value) => ({ ...cell, [name]: value }))),
    [{}],
  );
}
