// The statistics of DESIGN.md §4 against values computed by hand from the formulas and against
// published reference values (Newcombe 1998, Table I, method 3; R's p.adjust and mcnemar.test).
import { describe, expect, it } from "vitest";
import {
  wilsonInterval,
  twoProportionZTest,
  holmAdjust,
  mcnemarTest,
  kishEffectiveN,
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
  it("uses only the discordant pairs, with continuity correction by default (R: mcnemar.test)", () => {
    const corrected = mcnemarTest(10, 2);
    expect(corrected.statistic).toBeCloseTo(49 / 12, 12);
    expect(corrected.p).toBeCloseTo(0.04330814, 7);
    const plain = mcnemarTest(10, 2, { continuityCorrection: false });
    expect(plain.statistic).toBeCloseTo(64 / 12, 12);
    expect(plain.p).toBeCloseTo(0.02092134, 7);
  });

  it("finds no difference without discordant pairs or when they balance", () => {
    expect(mcnemarTest(0, 0)).toEqual({ statistic: 0, p: 1 });
    expect(mcnemarTest(5, 5).p).toBe(1);
  });
});

describe("Kish effective n", () => {
  it("is (Σw)²/Σw²: n for equal weights, less for unequal ones", () => {
    expect(kishEffectiveN([1, 1, 1, 1])).toBe(4);
    expect(kishEffectiveN([2, 2, 2])).toBe(3);
    expect(kishEffectiveN([1, 1, 2, 2])).toBeCloseTo(3.6, 12);
    expect(kishEffectiveN([])).toBe(0);
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
