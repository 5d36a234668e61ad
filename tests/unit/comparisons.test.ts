// The comparisons of issue 11, shaped from hand-computed tables: k groups of a breakdown (chi-square
// on the 2 × k table, the z-test for two), two factors answered by the same firms (McNemar), and
// surveys side by side (shared factors tested, the others listed apart); and the query parameters
// each reads, every problem named by its parameter.
import { describe, expect, it } from "vitest";
import { parseGroupsComparison, parsePairedQuery, parseSurveysQuery } from "@/lib/analytics/comparison-query-schema";
import { publicationFor } from "@/lib/analytics/disclosure";
import { chiSquareTest, twoProportionZTest } from "@/lib/analytics/statistics";
import { surveyBreakdowns } from "@/lib/analytics/survey-breakdowns";
import type { AttentionResult } from "@/lib/analytics/to-attention-result";
import { formatTest, toComparisonBars } from "@/lib/analytics/to-comparison-bars";
import { significantGroupFindings, toGroupsComparison } from "@/lib/analytics/to-groups-comparison";
import { toPairedComparison, type PairCounts } from "@/lib/analytics/to-paired-comparison";
import { toSurveysComparison } from "@/lib/analytics/to-surveys-comparison";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { TEMPLATES } from "@/lib/questionnaire/templates";

const settings = { method: "perturb" as const, threshold: 10, bound: 2 };
const exact = publicationFor("exact", settings);
const perturbed = publicationFor("public", settings);

/** An attention result of one group: each factor's (count, n). */
function result(
  base: number,
  factors: Record<string, [count: number, n: number]>,
  suppressed = false,
): AttentionResult {
  return {
    level: "middle",
    measure: "cases",
    base: suppressed ? null : base,
    mentions: 0,
    factors: suppressed
      ? []
      : Object.entries(factors).map(([code, [count, n]]) => ({
          code,
          label: code,
          kind: code === "none" ? ("option" as const) : ("choice" as const),
          count,
          n,
          share: count / n,
          ci: null,
          mean: null,
        })),
    hiddenFactors: [],
    suppressed,
    smallBase: suppressed,
    threshold: 10,
    perturbed: false,
  };
}

describe("k groups of a breakdown", () => {
  // Financing channels named by 30 of 50 micro, 20 of 50 small and 10 of 40 medium firms. Pooled
  // share 60/140 = 3/7; expected flagged 150/7, 150/7, 120/7 and not 200/7, 200/7, 160/7;
  // X² = Σ (O − E)² / E = 91/8 = 11.375, df = 2, and with two degrees of freedom p = e^(−X²/2).
  const groups = [
    { code: "micro", label: "Micro", result: result(50, { financing: [30, 50], policy: [20, 50], none: [5, 50] }) },
    { code: "small", label: "Small", result: result(50, { financing: [20, 50], policy: [20, 50], none: [5, 50] }) },
    { code: "medium", label: "Medium", result: result(40, { financing: [10, 40], policy: [16, 40], none: [5, 40] }) },
  ];

  it("tests each factor with chi-square on the 2 × k table and adjusts with Holm", () => {
    const c = toGroupsComparison({ level: "middle", by: "size_class", groups, threshold: 10, perturbed: false });
    expect(c.groups).toEqual([
      { code: "micro", label: "Micro", base: 50 },
      { code: "small", label: "Small", base: 50 },
      { code: "medium", label: "Medium", base: 40 },
    ]);
    // "none of these" is not a factor; factors from the highest pooled share (56/140 vs 60/140).
    expect(c.factors.map((f) => f.code)).toEqual(["financing", "policy"]);
    const [financing, policy] = c.factors;
    expect(financing).toMatchObject({ test: "chi-square", df: 2, smallExpected: false });
    expect(financing.statistic).toBeCloseTo(11.375, 12);
    expect(financing.p).toBeCloseTo(Math.exp(-91 / 16), 12);
    expect(financing.shares.map((s) => s!.share)).toEqual([0.6, 0.4, 0.25]);
    // 20/50, 20/50, 16/40 are all 40 %: X² = 0, p = 1.
    expect(policy).toMatchObject({ statistic: 0, p: 1, pHolm: 1 });
    // Holm over two tests: the smaller p doubled.
    expect(financing.pHolm).toBeCloseTo(2 * Math.exp(-91 / 16), 12);

    const [finding] = significantGroupFindings(c.factors, c.groups);
    expect(finding.code).toBe("financing");
    expect(finding.ranked.map((r) => [r.group.code, r.share])).toEqual([
      ["micro", 0.6],
      ["small", 0.4],
      ["medium", 0.25],
    ]);
  });

  it("keeps the two-proportion z-test for two groups, whose square is the uncorrected chi-square", () => {
    const c = toGroupsComparison({
      level: "middle",
      by: "size_class",
      groups: groups.slice(0, 2),
      threshold: 10,
      perturbed: false,
    });
    const financing = c.factors.find((f) => f.code === "financing")!;
    const z = twoProportionZTest({ count: 30, n: 50 }, { count: 20, n: 50 })!;
    expect(financing).toMatchObject({ test: "z", df: null, statistic: z.z, p: z.p });
    // 60 % vs 40 % of 50: pooled 1/2, z = 0.2 / sqrt(0.25 · 0.04) = 2, X² = 4.
    expect(financing.statistic).toBeCloseTo(2, 12);
    const chi = chiSquareTest([
      { count: 30, n: 50 },
      { count: 20, n: 50 },
    ])!;
    expect(chi.statistic).toBeCloseTo(4, 12);
    expect(financing.p).toBeCloseTo(chi.p, 12);
  });

  it("states only the differences significant after Holm, the widest spread first", () => {
    const two = (a: Record<string, [number, number]>, b: Record<string, [number, number]>) =>
      toGroupsComparison({
        level: "middle",
        by: "size_class",
        groups: [
          { code: "micro", label: "Micro", result: result(100, a) },
          { code: "small", label: "Small", result: result(100, b) },
        ],
        threshold: 10,
        perturbed: false,
      });
    // 45 % vs 30 %: p = 0.028 alone, 0.057 after Holm over two factors, so nothing is stated.
    const weak = two({ x: [45, 100], y: [30, 100] }, { x: [30, 100], y: [30, 100] });
    expect(weak.factors.find((f) => f.code === "x")!.pHolm).toBeCloseTo(2 * 0.02845974, 7);
    expect(significantGroupFindings(weak.factors, weak.groups)).toEqual([]);
    // 60 % vs 30 % and 20 % vs 55 %: both stated, the 35-point spread first, each highest to lowest.
    const strong = two({ x: [60, 100], y: [20, 100] }, { x: [30, 100], y: [55, 100] });
    expect(
      significantGroupFindings(strong.factors, strong.groups).map((f) => [f.code, f.ranked.map((r) => r.group.code)]),
    ).toEqual([
      ["y", ["small", "micro"]],
      ["x", ["micro", "small"]],
    ]);
  });

  it("lays the chart out one row per factor, a bar and whisker per group, and prints the test", () => {
    const c = toGroupsComparison({ level: "middle", by: "size_class", groups, threshold: 10, perturbed: false });
    const withInterval = c.factors.map((f) => ({
      ...f,
      shares: f.shares.map((s) => s && { ...s, ci: [s.share - 0.1, s.share + 0.05] as [number, number] }),
    }));
    const [financing] = toComparisonBars(withInterval);
    expect(financing).toMatchObject({ label: "financing *", share0: 0.6, text0: "60.0%", share2: 0.25, end2: 0.3 });
    expect(financing.error1).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.05, 12)]);
    expect(toComparisonBars([{ ...c.factors[1], shares: [null, ...c.factors[1].shares.slice(1)] }])[0]).toMatchObject({
      label: "policy",
      share0: null,
      text0: "",
    });
    expect(formatTest(c.factors[0])).toBe("χ²(2) = 11.38");
    expect(formatTest({ test: "z", statistic: -2, df: null })).toBe("z = -2.00");
    expect(formatTest({ test: null, statistic: null, df: null })).toBeNull();
  });

  it("leaves out groups the public may not see, and shows nothing with fewer than two", () => {
    const hiddenMedium = [...groups.slice(0, 2), { ...groups[2], result: result(0, {}, true) }];
    const c = toGroupsComparison({
      level: "middle",
      by: "size_class",
      groups: hiddenMedium,
      threshold: 10,
      perturbed: true,
    });
    expect(c.groups.map((g) => g.code)).toEqual(["micro", "small"]);
    expect(c.hiddenGroups).toEqual([{ code: "medium", label: "Medium" }]);
    expect(c.factors[0].test).toBe("z");
    const one = toGroupsComparison({
      level: "middle",
      by: "size_class",
      groups: [groups[0], hiddenMedium[2]],
      threshold: 10,
      perturbed: true,
    });
    expect(one).toMatchObject({ suppressed: true, groups: [], factors: [], hiddenGroups: [{ code: "medium" }] });
  });
});

describe("two factors answered by the same firms", () => {
  // 100 firms answered both items; 40 name a, 31 name b; 12 name a only and 3 b only. Under the null
  // the 15 discordant firms split as Binomial(15, ½): p = 2 · P(X ≤ 3) = 2 · (1 + 15 + 105 + 455) / 2^15.
  const counts: PairCounts = {
    n: { count: 100, keySum: 1234 },
    flaggedA: { count: 40, keySum: 77 },
    flaggedB: { count: 31, keySum: 9001 },
    onlyA: { count: 12, keySum: 4242 },
    onlyB: { count: 3, keySum: 31337 },
  };
  const a = { code: "national_policy", label: "National policies" };
  const b = { code: "fiscal_tax_support", label: "Financial and taxation support" };

  it("gives both shares over the pair's base and McNemar's exact p from the binomial", () => {
    const c = toPairedComparison({ level: "macro", a, b, counts, publication: exact });
    expect(c).toMatchObject({ n: 100, onlyA: 12, onlyB: 3, suppressed: false, perturbed: false });
    expect(c.a).toMatchObject({ code: "national_policy", count: 40, share: 0.4 });
    expect(c.b).toMatchObject({ count: 31, share: 0.31 });
    expect(c.a.ci![0]).toBeLessThan(0.4);
    expect(c.test).toMatchObject({ method: "exact-binomial", statistic: 12 });
    expect(c.test!.p).toBeCloseTo((2 * 576) / 32768, 14);
  });

  it("uses the corrected chi-square from 25 discordant firms: (|30 − 10| − 1)² / 40", () => {
    const many = { ...counts, onlyA: { count: 30, keySum: 0 }, onlyB: { count: 10, keySum: 0 } };
    const c = toPairedComparison({ level: "macro", a, b, counts: many, publication: exact });
    expect(c.test!.method).toBe("chi-square-corrected");
    expect(c.test!.statistic).toBeCloseTo(361 / 40, 12);
  });

  it("publishes perturbed counts to the public, and nothing for a base under the threshold", () => {
    const c = toPairedComparison({ level: "macro", a, b, counts, publication: perturbed });
    expect(c.perturbed).toBe(true);
    for (const [shown, truth] of [
      [c.n, 100],
      [c.a.count, 40],
      [c.b.count, 31],
      [c.onlyA, 12],
      [c.onlyB, 3],
    ] as const)
      expect(Math.abs(shown! - truth)).toBeLessThanOrEqual(2);
    expect(c.onlyA).toBeLessThanOrEqual(c.a.count!);
    // The same responses always get the same noise.
    expect(toPairedComparison({ level: "macro", a, b, counts, publication: perturbed })).toEqual(c);
    const small = toPairedComparison({
      level: "macro",
      a,
      b,
      counts: { ...counts, n: { count: 9, keySum: 5 } },
      publication: perturbed,
    });
    expect(small).toMatchObject({ suppressed: true, n: null, onlyA: null, onlyB: null, test: null });
    expect(small.a).toEqual({ ...a, count: null, share: null, ci: null });
  });
});

describe("surveys side by side", () => {
  const survey = (slug: string, base: number, factors: Record<string, [number, number]>) => ({
    slug,
    title: slug,
    access: "member" as const,
    factors: Object.keys(factors).map((code) => ({ code, label: `${code} (${slug})` })),
    result: result(base, factors),
  });

  it("tests the factors every survey has and lists the others apart", () => {
    const waves = [
      survey("jilin-2017", 50, { financing: [30, 50], policy: [20, 50], talent: [5, 50] }),
      survey("jilin-2020", 50, { financing: [20, 50], policy: [20, 50] }),
    ];
    const two = toSurveysComparison("middle", waves);
    expect(two.surveys.map((s) => [s.slug, s.base])).toEqual([
      ["jilin-2017", 50],
      ["jilin-2020", 50],
    ]);
    expect(two.factors.map((f) => [f.code, f.label, f.test])).toEqual([
      ["financing", "financing (jilin-2017)", "z"],
      ["policy", "policy (jilin-2017)", "z"],
    ]);
    expect(two.factors[0].statistic).toBeCloseTo(2, 12);
    expect(two.onlyIn).toEqual([{ code: "talent", label: "talent (jilin-2017)", surveys: ["jilin-2017"] }]);

    const three = toSurveysComparison("middle", [
      ...waves,
      survey("hengyang-2020", 40, { financing: [10, 40], policy: [16, 40], venture: [3, 40] }),
    ]);
    const financing = three.factors.find((f) => f.code === "financing")!;
    expect(financing).toMatchObject({ test: "chi-square", df: 2 });
    expect(financing.statistic).toBeCloseTo(11.375, 12);
    expect(three.onlyIn.map((f) => [f.code, f.surveys])).toEqual([
      ["talent", ["jilin-2017"]],
      ["venture", ["hengyang-2020"]],
    ]);
  });

  it("shows a survey the public may not see as suppressed, without shares", () => {
    const c = toSurveysComparison("middle", [
      survey("jilin-2017", 50, { financing: [30, 50] }),
      { ...survey("small-2020", 0, { financing: [0, 0] }), access: "public", result: result(0, {}, true) },
    ]);
    expect(c.surveys[1]).toMatchObject({ suppressed: true, base: null, access: "public" });
    expect(c.factors[0]).toMatchObject({ code: "financing", test: null, p: null, pHolm: null });
    expect(c.factors[0].shares[1]).toBeNull();
  });
});

describe("comparison query parameters", () => {
  const jilin = QuestionnaireDefinitionSchema.parse(
    TEMPLATES.find((t) => t.definition.code === "jilin_small_micro")!.definition,
  );
  const breakdowns = surveyBreakdowns(jilin);
  const groups = (query: string) => parseGroupsComparison(new URLSearchParams(query), breakdowns);

  it("reads k groups, or every group from compare_by alone, and names each wrong parameter", () => {
    expect(groups("")).toBeNull();
    expect(groups("compare_by=size_class")).toEqual({ by: "size_class", groups: null });
    expect(groups("compare_by=size_class&groups=micro,small,medium")).toEqual({
      by: "size_class",
      groups: ["micro", "small", "medium"],
    });
    expect(groups("compare_by=size_class&groups=micro&groups=small")).toEqual({
      by: "size_class",
      groups: ["micro", "small"],
    });
    expect(groups("compare_by=size_class&groups=micro")).toEqual({
      issues: [{ path: ["groups"], message: "Name at least two groups, separated by commas" }],
    });
    expect(groups("compare_by=size_class&groups=micro,micro")).toEqual({
      issues: [{ path: ["groups"], message: "Name each of the groups once" }],
    });
    expect(groups("compare_by=size_class&groups=micro,huge")).toEqual({
      issues: [{ path: ["groups"], message: '"huge" is not a value of size_class' }],
    });
    expect(groups("groups=micro,small")).toMatchObject({ issues: [{ path: ["compare_by"] }] });
    expect(groups("compare_by=colour")).toMatchObject({ issues: [{ path: ["compare_by"] }] });
  });

  it("reads two factors of one level", () => {
    const pair = parsePairedQuery({ level: "macro", a: "national_policy", b: "fiscal_tax_support" }, jilin);
    expect(pair).toMatchObject({
      level: "macro",
      a: { code: "national_policy", metric: "f:national_policy" },
      b: { code: "fiscal_tax_support" },
    });
    expect(parsePairedQuery({ level: "macro", a: "national_policy", b: "national_policy" }, jilin)).toEqual({
      issues: [{ path: ["b"], message: "Choose two different factors" }],
    });
    // A factor of another level, and "none of these" (not a factor), are not factors of this one.
    expect(parsePairedQuery({ level: "macro", a: "marketing_mix", b: "none" }, jilin)).toMatchObject({
      issues: [{ path: ["a"] }, { path: ["b"] }],
    });
    expect(parsePairedQuery({ a: "national_policy", b: "ip_protection" }, jilin)).toMatchObject({
      issues: [{ path: ["level"] }],
    });
  });

  it("reads two or more surveys, comma-separated or repeated", () => {
    expect(parseSurveysQuery(new URLSearchParams("surveys=a-1,b-2&level=macro"))).toEqual({
      surveys: ["a-1", "b-2"],
      level: "macro",
    });
    expect(parseSurveysQuery(new URLSearchParams("surveys=a-1&surveys=b-2&surveys=c-3&level=micro"))).toMatchObject({
      surveys: ["a-1", "b-2", "c-3"],
    });
    expect(parseSurveysQuery(new URLSearchParams("surveys=a-1&level=macro"))).toMatchObject({
      issues: [{ path: ["surveys"] }],
    });
    expect(parseSurveysQuery(new URLSearchParams("surveys=a-1,b-2&level=meso"))).toMatchObject({
      issues: [{ path: ["level"] }],
    });
  });
});
