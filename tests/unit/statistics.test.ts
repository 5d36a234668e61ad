// The statistics of DESIGN.md §4 against values computed by hand from the formulas and against
// published reference values (Newcombe 1998, Table I, method 3; R's p.adjust, chisq.test,
// mcnemar.test and binom.test: the R lines are in tests/fixtures/weighting/reference.R).
import { describe, expect, it } from "vitest";
import { FIRMS, POPULATION, SIZES, unitsOf } from "@/tests/fixtures/weighting/jilin-sample";
import { postStratify } from "@/lib/analytics/weighting";
import {
  wilsonInterval,
  twoProportionZTest,
  holmAdjust,
  mcnemarTest,
  effectiveSampleSize,
  designEffect,
  weightedWilsonInterval,
  chiSquareTest,
  chiSquareP,
  weightedChiSquareTest,
  twoSidedNormalP,
} from "@/lib/analytics/statistics";

const interval = (x: number, n: number) => wilsonInterval(x / n, n)!.map((v) => Number(v.toFixed(4)));

describe("Wilson interval", () => {
  it("matches Newcombe's published intervals at small and moderate n", () => {
    expect(interval(81, 263)).toEqual([0.2553, 0.3662]);
    expect(interval(15, 148)).toEqual([0.0624, 0.1605]);
    expect(interval(1, 29)).toEqual([0.0061, 0.1718]);
  });

  it("gives the demo survey's macro shares their hand-computed intervals (n = 226)", () => {
    const [low, high] = wilsonInterval(156 / 226, 226)!;
    expect(low).toBeCloseTo(0.627223589, 8);
    expect(high).toBeCloseTo(0.746947374, 8);
    expect(interval(61, 226)).toEqual([0.2162, 0.3313]);
  });

  it("stays inside [0, 1] for zero and full counts, with the closed-form bound z²/(n+z²)", () => {
    const z2 = 1.959964 ** 2;
    expect(wilsonInterval(0, 20)).toEqual([0, expect.closeTo(z2 / (20 + z2), 12)]);
    const [low, high] = wilsonInterval(1, 10)!;
    expect(low).toBeCloseTo(10 / (10 + z2), 12);
    expect(high).toBeCloseTo(1, 12);
  });

  it("narrows as n grows and has no interval without cases", () => {
    const small = wilsonInterval(0.5, 10)!;
    const large = wilsonInterval(0.5, 100_000)!;
    expect(small[1] - small[0]).toBeCloseTo(0.7634 - 0.2366, 4);
    expect(large[1] - large[0]).toBeCloseTo(2 * 1.959964 * Math.sqrt(0.25 / 100_000), 5);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("two-proportion z-test", () => {
  it("pools the groups: 45/100 against 30/100 gives z = 2.1909, p = 0.0285", () => {
    const result = twoProportionZTest({ count: 45, n: 100 }, { count: 30, n: 100 })!;
    expect(result.difference).toBeCloseTo(0.15, 12);
    expect(result.z).toBeCloseTo(2.19089023, 7);
    expect(result.p).toBeCloseTo(0.02845974, 7);
  });

  it("is symmetric, has p = 1 without variation, and nothing for an empty group", () => {
    expect(twoProportionZTest({ count: 30, n: 100 }, { count: 45, n: 100 })!.z).toBeCloseTo(-2.19089023, 7);
    expect(twoProportionZTest({ count: 10, n: 10 }, { count: 5, n: 5 })).toEqual({ difference: 0, z: 0, p: 1 });
    expect(twoProportionZTest({ count: 0, n: 0 }, { count: 5, n: 5 })).toBeNull();
  });
});

describe("Holm adjustment", () => {
  it("matches R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm')", () => {
    holmAdjust([0.01, 0.04, 0.03, 0.005]).forEach((p, i) => expect(p).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i], 12));
  });

  it("caps at 1 and leaves a single p-value alone", () => {
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
    expect(holmAdjust([])).toEqual([]);
  });
});

describe("McNemar test", () => {
  it("matches mcnemar.test: continuity correction by default, none with correct: false", () => {
    // R: mcnemar.test(matrix(c(20, c, b, 15), 2)) and with correct = FALSE
    const cases: [b: number, c: number, corrected: [number, number], plain: [number, number]][] = [
      [10, 2, [49 / 12, 0.0433081428108], [64 / 12, 0.0209213353378]],
      [30, 15, [4.35555555556, 0.036888425707], [5, 0.0253473186775]],
      [7, 3, [0.9, 0.342781711148], [1.6, 0.205903210732]],
    ];
    for (const [b, c, corrected, plain] of cases) {
      const withCorrection = mcnemarTest(b, c, { method: "chi-square" });
      expect(withCorrection.method).toBe("chi-square-corrected");
      expect(withCorrection.statistic).toBeCloseTo(corrected[0], 10);
      expect(withCorrection.p).toBeCloseTo(corrected[1], 10);
      const without = mcnemarTest(b, c, { method: "chi-square", correct: false });
      expect(without.method).toBe("chi-square");
      expect(without.statistic).toBeCloseTo(plain[0], 10);
      expect(without.p).toBeCloseTo(plain[1], 10);
    }
  });

  it("matches binom.test(b, b + c) when exact", () => {
    const cases: [b: number, c: number, p: number][] = [
      [10, 2, 0.03857421875],
      [3, 9, 0.14599609375],
      [7, 7, 1],
      [0, 6, 0.03125],
      [1, 23, 2.98023223877e-6],
      [30, 15, 0.0356978035552],
      // 2ⁿ overflows past n = 1023; the terms, built in logs, do not.
      [1000, 1100, 0.0307207078642],
    ];
    for (const [b, c, p] of cases) {
      const exact = mcnemarTest(b, c, { method: "exact" });
      expect(exact).toMatchObject({ statistic: b, method: "exact-binomial" });
      expect(Math.abs(exact.p / p - 1)).toBeLessThan(1e-10);
    }
    expect(mcnemarTest(1000, 1000, { method: "exact" }).p).toBe(1);
  });

  it("is exact under 25 discordant pairs and the corrected chi-square from 25 on, by default", () => {
    expect(mcnemarTest(10, 2).method).toBe("exact-binomial");
    expect(mcnemarTest(12, 12).method).toBe("exact-binomial");
    expect(mcnemarTest(13, 12).method).toBe("chi-square-corrected");
    expect(mcnemarTest(30, 15)).toMatchObject({
      statistic: expect.closeTo(4.35555555556, 10),
      p: expect.closeTo(0.036888425707, 10),
    });
  });

  it("finds no difference without discordant pairs or when they balance", () => {
    expect(mcnemarTest(0, 0)).toEqual({ statistic: 0, p: 1, method: "exact-binomial" });
    expect(mcnemarTest(0, 0, { method: "chi-square" })).toEqual({ statistic: 0, p: 1, method: "chi-square-corrected" });
    expect(mcnemarTest(5, 5).p).toBe(1);
    expect(mcnemarTest(20, 20).p).toBe(1);
  });
});

describe("Kish effective n and design effect", () => {
  it("is (Σw)²/Σw²: n for equal weights, less for unequal ones", () => {
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([2, 2, 2])).toBe(3);
    expect(effectiveSampleSize([1, 1, 2, 2])).toBeCloseTo(3.6, 12);
    expect(effectiveSampleSize([])).toBe(0);
  });

  it("gives the post-stratified Jilin sample n_eff = 21.646 and deff = n/n_eff = 1 + CV² = 1.386 (R)", () => {
    const { weights } = postStratify(unitsOf(FIRMS, { designWeights: true }), POPULATION);
    expect(effectiveSampleSize(weights)).toBeCloseTo(21.6461160099, 9);
    expect(designEffect(weights)).toBeCloseTo(1.38592992786, 10);
    const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
    const variance = weights.reduce((s, w) => s + (w - mean) ** 2, 0) / weights.length;
    expect(designEffect(weights)).toBeCloseTo(1 + variance / mean ** 2, 12);
    expect(designEffect([3, 3])).toBe(1);
    expect(designEffect([])).toBeNull();
  });
});

describe("weighted Wilson interval", () => {
  it("is the Wilson interval of the weighted share at n_eff (R, the DESIGN.md formula)", () => {
    const { weights } = postStratify(unitsOf(FIRMS, { designWeights: true }), POPULATION);
    const result = weightedWilsonInterval(FIRMS.map((f, i) => ({ weight: weights[i], flagged: f.concern })))!;
    expect(result.share).toBeCloseTo(0.677870483426, 11);
    expect(result.effectiveN).toBeCloseTo(21.6461160099, 9);
    expect(result.interval[0]).toBeCloseTo(0.467677246096, 10);
    expect(result.interval[1]).toBeCloseTo(0.834446838711, 10);
  });

  it("is the unweighted interval for equal weights, and nothing without weight", () => {
    const cases = Array.from({ length: 226 }, (_, i) => ({ weight: 3.5, flagged: i < 156 }));
    expect(weightedWilsonInterval(cases)!.interval).toEqual(wilsonInterval(156 / 226, 226));
    expect(weightedWilsonInterval([])).toBeNull();
    expect(weightedWilsonInterval([{ weight: 0, flagged: true }])).toBeNull();
  });
});

describe("chi-square test of independence", () => {
  const expectChiSquare = (result: ReturnType<typeof chiSquareTest>, [statistic, df, p]: [number, number, number]) => {
    expect(result!.statistic).toBeCloseTo(statistic, 9);
    expect(result!.df).toBe(df);
    expect(Math.abs(result!.p / p - 1)).toBeLessThan(1e-9);
  };

  it("matches chisq.test(correct = FALSE) on the sample's 2 × 3 and 2 × 4 tables, flagging expected counts < 5", () => {
    // Concern by size: 9/13 micro, 5/10 small, 3/7 medium.
    const bySize = chiSquareTest([
      { count: 9, n: 13 },
      { count: 5, n: 10 },
      { count: 3, n: 7 },
    ]);
    expectChiSquare(bySize, [1.56034011238, 2, 0.458328063154]);
    expect(bySize).toMatchObject({ minExpected: expect.closeTo(3.03333333333, 10), smallExpected: true });
    // Concern by city: 6/10 Changchun, 4/7 Jilin City, 3/5 Siping, 4/8 other.
    const byCity = chiSquareTest([
      { count: 6, n: 10 },
      { count: 4, n: 7 },
      { count: 3, n: 5 },
      { count: 4, n: 8 },
    ]);
    expectChiSquare(byCity, [0.213316095669, 3, 0.975411527015]);
    expect(byCity!.minExpected).toBeCloseTo(2.16666666667, 10);
  });

  it("matches chisq.test on larger tables, with no small-count flag", () => {
    const three = chiSquareTest([
      { count: 45, n: 100 },
      { count: 30, n: 100 },
      { count: 20, n: 100 },
    ]);
    expectChiSquare(three, [14.6341463415, 2, 0.000664103085871]);
    expect(three!.smallExpected).toBe(false);
    const four = chiSquareTest([
      { count: 62, n: 110 },
      { count: 41, n: 58 },
      { count: 18, n: 40 },
      { count: 35, n: 75 },
    ]);
    expectChiSquare(four, [9.57499987869, 3, 0.022546728579]);
  });

  it("is the squared z-test for two groups, ignores empty groups, and has p = 1 without variation", () => {
    const z = twoProportionZTest({ count: 45, n: 100 }, { count: 30, n: 100 })!;
    const two = chiSquareTest([
      { count: 45, n: 100 },
      { count: 30, n: 100 },
      { count: 0, n: 0 },
    ])!;
    expect(two.statistic).toBeCloseTo(z.z ** 2, 10);
    expect(two.df).toBe(1);
    expect(two.p).toBeCloseTo(z.p, 12);
    expect(
      chiSquareTest([
        { count: 0, n: 10 },
        { count: 0, n: 20 },
      ]),
    ).toMatchObject({ statistic: 0, df: 1, p: 1, smallExpected: true });
    expect(chiSquareTest([{ count: 3, n: 10 }])).toBeNull();
  });

  it("takes p from the chi-square upper tail as pchisq(x, df, lower.tail = FALSE), tiny p and large df included", () => {
    const cases: [x: number, df: number, p: number][] = [
      [0.5, 1, 0.479500122187],
      [3.841459, 1, 0.0499999946532],
      [7, 4, 0.1358882254],
      [30, 5, 1.47485810384e-5],
      [200, 10, 1.6139305337e-37],
      [1e-3, 7, 1],
      [1500, 1000, 1.0454640386e-22],
      [1200, 1001, 1.34900758075e-5],
    ];
    for (const [x, df, p] of cases)
      expect(Math.abs(chiSquareP(x, df) / p - 1), `x = ${x}, df = ${df}`).toBeLessThan(1e-10);
    expect(Math.abs(chiSquareP(100, 1) / twoSidedNormalP(10) - 1)).toBeLessThan(1e-13);
    expect(chiSquareP(0, 3)).toBe(1);
    expect(() => chiSquareP(3, 1.5)).toThrow(RangeError);
  });

  it("weighted: each group's weighted share at its Kish n_eff (hand-computed in reference.R)", () => {
    const { weights } = postStratify(unitsOf(FIRMS, { designWeights: true }), POPULATION);
    const groups = SIZES.map((size) =>
      FIRMS.flatMap((f, i) => (f.size === size ? [{ weight: weights[i], flagged: f.concern }] : [])),
    );
    const shares = groups.map((cases) => weightedWilsonInterval(cases)!);
    [0.745290423862, 0.53626799557, 0.607142857143].forEach((p, g) => expect(shares[g].share).toBeCloseTo(p, 11));
    [11.5587715716, 8.32543791917, 5.3698630137].forEach((n, g) => expect(shares[g].effectiveN).toBeCloseTo(n, 9));
    const weighted = weightedChiSquareTest(groups);
    expectChiSquare(weighted, [0.973265682817, 2, 0.614692681217]);
    // With unit weights it is the unweighted test.
    const unitWeights = groups.map((cases) => cases.map((c) => ({ ...c, weight: 1 })));
    expect(weightedChiSquareTest(unitWeights)!.statistic).toBeCloseTo(1.56034011238, 10);
  });
});

describe("group comparison", () => {
  it("tests each factor's two shares and adjusts the p-values with Holm", async () => {
    const { toComparison, significantDifferences } = await import("@/lib/analytics/to-comparison");
    const result = (base: number, counts: Record<string, number>) => ({
      level: "macro" as const,
      measure: "cases" as const,
      base,
      mentions: 0,
      hiddenFactors: [],
      suppressed: false,
      smallBase: false,
      threshold: 10,
      perturbed: false,
      factors: Object.entries(counts).map(([code, count]) => ({
        code,
        label: code,
        kind: (code === "none" ? "option" : "choice") as "option" | "choice",
        count,
        n: base,
        share: count / base,
        ci: null,
        mean: null,
      })),
    });
    const c = toComparison(result(100, { a: 45, b: 30, none: 5 }), result(100, { a: 30, b: 30, none: 9 }));
    expect(c.factors.map((f) => f.code)).toEqual(["a", "b"]);
    expect(c.factors[0].p).toBeCloseTo(0.02845974, 7);
    expect(c.factors[0].pHolm).toBeCloseTo(2 * 0.02845974, 7);
    expect(c.factors[1]).toMatchObject({ difference: 0, z: 0, pHolm: 1 });
    // 45 % vs 30 %: p = 0.028 alone, 0.057 after Holm, so nothing is stated.
    expect(significantDifferences(c)).toEqual([]);
    // 60 % vs 30 % (z = 4.26, p = 2.0e-5, Holm 4.0e-5) and 20 % vs 50 % (z = -4.47): both stated,
    // the larger difference first, each with the group that names the factor more.
    const strong = toComparison(result(100, { a: 60, b: 20 }), result(100, { a: 30, b: 50 }));
    expect(significantDifferences(strong).map((f) => [f.code, f.more])).toEqual([
      ["a", "a"],
      ["b", "b"],
    ]);
    expect(strong.factors[0].p).toBeCloseTo(2.0e-5, 6);
    const hidden = toComparison({ ...result(8, { a: 4 }), suppressed: true, base: null }, result(100, { a: 30 }));
    expect(hidden).toMatchObject({ suppressed: true, factors: [] });
  });
});
