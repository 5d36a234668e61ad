// One level's factors compared across k ≥ 2 independent samples: the groups of a breakdown (micro,
// small and medium firms) or surveys (two waves, two provinces). Per factor: each sample's share
// of its own base with its Wilson interval; for two samples the two-proportion z-test, for more
// Pearson's chi-square on the 2 × k table (concerned or not), without continuity correction so
// that the two agree at k = 2; Holm across the level's tested factors (DESIGN.md §4). Pure.
import type { z } from "zod";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import type { FactorAcrossGroupsSchema, GroupShareSchema, GroupsComparisonSchema } from "./comparison-api-schemas";
import { chiSquareTest, holmAdjust, twoProportionZTest } from "./statistics";
import type { AttentionResult } from "./to-attention-result";
import { SIGNIFICANCE } from "./to-comparison";

export type GroupShare = z.infer<typeof GroupShareSchema>;
export type FactorAcrossGroups = z.infer<typeof FactorAcrossGroupsSchema>;
export type GroupsComparison = z.infer<typeof GroupsComparisonSchema>;

/** A factor's share in each sample, before testing; null where the sample does not show it. */
export type FactorShares = { code: string; label: string; shares: (GroupShare | null)[] };

type FactorTest = Pick<FactorAcrossGroups, "test" | "statistic" | "df" | "p" | "smallExpected">;

function testFactor(shares: (GroupShare | null)[]): FactorTest {
  // An empty sample carries no information, as in chiSquareTest.
  const shown = shares.filter((s): s is GroupShare => s !== null && s.n > 0);
  const chiSquare = chiSquareTest(shown);
  if (!chiSquare) return { test: null, statistic: null, df: null, p: null, smallExpected: false };
  const { smallExpected } = chiSquare;
  if (shown.length === 2) {
    const { z, p } = twoProportionZTest(shown[0], shown[1])!;
    return { test: "z", statistic: z, df: null, p, smallExpected };
  }
  return { test: "chi-square", statistic: chiSquare.statistic, df: chiSquare.df, p: chiSquare.p, smallExpected };
}

/** Pooled share over the samples that show the factor; -1 when none does (listed last). */
function pooledShare(f: FactorShares): number {
  const shown = f.shares.filter((s): s is GroupShare => s !== null && s.n > 0);
  const n = shown.reduce((sum, s) => sum + s.n, 0);
  return n > 0 ? shown.reduce((sum, s) => sum + s.count, 0) / n : -1;
}

/** Tests every factor, adjusts the p-values with Holm, and orders the factors by pooled share. */
export function testAcrossGroups(factors: FactorShares[]): FactorAcrossGroups[] {
  const tested = factors.map((f) => ({ ...f, ...testFactor(f.shares) }));
  const withP = tested.filter((f) => f.p !== null);
  const adjusted = holmAdjust(withP.map((f) => f.p!));
  const holm = new Map(withP.map((f, i) => [f.code, adjusted[i]]));
  return tested
    .map((f) => ({ ...f, pHolm: holm.get(f.code) ?? null }))
    .sort((x, y) => pooledShare(y) - pooledShare(x) || x.code.localeCompare(y.code));
}

/**
 * Each factor's shares in a list of attention results (null for a result that hides it from the
 * public). `codes` keeps only those factors; by default every factor any result shows or hides.
 * Unmapped options ("none of these") are not factors and are left out.
 */
export function factorSharesOf(results: (AttentionResult | null)[], codes?: string[]): FactorShares[] {
  const labels = new Map<string, string>();
  for (const r of results)
    for (const f of [...(r?.factors.filter((x) => x.kind !== "option") ?? []), ...(r?.hiddenFactors ?? [])])
      if (!labels.has(f.code)) labels.set(f.code, f.label);
  return (codes ?? [...labels.keys()]).map((code) => ({
    code,
    label: labels.get(code) ?? code,
    shares: results.map((r) => {
      const f = r?.factors.find((x) => x.code === code);
      return f ? { count: f.count, n: f.n, share: f.share, ci: f.ci } : null;
    }),
  }));
}

export type GroupResult = { code: string; label: string; result: AttentionResult };

/**
 * The weighted version of the tests: each group's weighted share at Kish's effective size n_eff,
 * i.e. the 2 × k table of p_g·n_eff,g concerned out of n_eff,g (Pearson's X² on it equals
 * Σ n_g (p_g − p̄)² / (p̄(1 − p̄)), the effective-size approximation in statistics.ts). Null unless
 * every group carries weighted figures.
 */
function weightedTests(results: AttentionResult[], codes: string[]): Map<string, FactorAcrossGroups["weighted"]> {
  if (!results.every((r) => r.weighting)) return new Map();
  const shares: FactorShares[] = codes.map((code) => ({
    code,
    label: code,
    shares: results.map((r) => {
      const w = r.factors.find((x) => x.code === code)?.weighted;
      return w ? { count: w.share * w.effectiveN, n: w.effectiveN, share: w.share, ci: w.ci } : null;
    }),
  }));
  return new Map(
    testAcrossGroups(shares).map((f) => [
      f.code,
      {
        shares: f.shares.map((s) => (s ? { share: s.share, effectiveN: s.n, ci: s.ci } : null)),
        test: f.test,
        statistic: f.statistic,
        df: f.df,
        p: f.p,
        pHolm: f.pHolm,
      },
    ]),
  );
}

export type ToGroupsComparisonOptions = {
  level: FactorLevel;
  by: string;
  /** The compared groups' attention results, in the breakdown's order. */
  groups: GroupResult[];
  threshold: number;
  perturbed: boolean;
};

/** Groups whose base the public may not see are left out and named; fewer than two shown: suppressed. */
export function toGroupsComparison({
  level,
  by,
  groups,
  threshold,
  perturbed,
}: ToGroupsComparisonOptions): GroupsComparison {
  const shown = groups.filter((g) => !g.result.suppressed);
  const hiddenGroups = groups.filter((g) => g.result.suppressed).map(({ code, label }) => ({ code, label }));
  const common = { level, by, hiddenGroups, threshold, perturbed };
  if (shown.length < 2) return { ...common, groups: [], suppressed: true, factors: [] };
  const results = shown.map((g) => g.result);
  const factors = testAcrossGroups(factorSharesOf(results));
  const weighted = weightedTests(
    results,
    factors.map((f) => f.code),
  );
  return {
    ...common,
    groups: shown.map((g) => ({ code: g.code, label: g.label, base: g.result.base ?? 0 })),
    suppressed: false,
    factors: factors.map((f) => (weighted.has(f.code) ? { ...f, weighted: weighted.get(f.code) } : f)),
  };
}

export type RankedShare<G> = { group: G; share: number };
export type GroupFinding<G> = { code: string; label: string; pHolm: number; ranked: RankedShare<G>[] };

/**
 * The factors whose shares differ significantly after Holm, each with the samples that show it
 * from the highest share to the lowest; the widest spread first.
 */
export function significantGroupFindings<G>(factors: FactorAcrossGroups[], groups: G[]): GroupFinding<G>[] {
  const spread = (f: GroupFinding<G>) => f.ranked[0].share - f.ranked[f.ranked.length - 1].share;
  return factors
    .filter((f) => f.pHolm !== null && f.pHolm < SIGNIFICANCE)
    .map((f) => ({
      code: f.code,
      label: f.label,
      pHolm: f.pHolm!,
      ranked: f.shares
        .flatMap((s, i) => (s && s.n > 0 ? [{ group: groups[i], share: s.share }] : []))
        .sort((x, y) => y.share - x.share),
    }))
    .sort((x, y) => spread(y) - spread(x) || x.code.localeCompare(y.code));
}
