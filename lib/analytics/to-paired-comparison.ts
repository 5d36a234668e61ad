// Two factors of a level answered by the same firms (e.g. national policies 69 % vs financial and
// taxation support 53 %): the shares are not independent, so McNemar's test on the discordant
// firms (DESIGN.md §4). Both shares are over the firms that answered both items. The public sees
// every count as the survey's disclosure rules publish it (disclosure.ts): the pair's base is a
// group size (hidden under the threshold), the other counts are counts inside it, each perturbed
// by its own key sum, and the test runs on the published counts. Pure.
import type { z } from "zod";
import type { FactorLevel } from "@/lib/questionnaire/definition-schema";
import type { PairedComparisonSchema } from "./comparison-api-schemas";
import type { Publication } from "./disclosure";
import { mcnemarTest, wilsonInterval } from "./statistics";

export type PairedComparison = z.infer<typeof PairedComparisonSchema>;

/** A count of responses and the sum of their record keys. */
export type KeyedCount = { count: number; keySum: number };

/** The 2 × 2 table's margins and discordant cells, from paired-queries.ts. */
export type PairCounts = {
  /** Responses in both factors' item bases. */
  n: KeyedCount;
  /** Of those, flagging a (b) at all, and a but not b (b but not a). */
  flaggedA: KeyedCount;
  flaggedB: KeyedCount;
  onlyA: KeyedCount;
  onlyB: KeyedCount;
};

export type ToPairedComparisonOptions = {
  level: FactorLevel;
  a: { code: string; label: string };
  b: { code: string; label: string };
  counts: PairCounts;
  publication: Publication;
};

export function toPairedComparison({ level, a, b, counts, publication }: ToPairedComparisonOptions): PairedComparison {
  const common = { level, perturbed: publication.perturbed, threshold: publication.settings.threshold };
  const n = publication.size(counts.n.count, counts.n.keySum);
  if (n === null)
    return {
      ...common,
      a: { ...a, count: null, share: null, ci: null },
      b: { ...b, count: null, share: null, ci: null },
      n: null,
      onlyA: null,
      onlyB: null,
      test: null,
      suppressed: true,
    };
  // Noise on both sides could otherwise publish more firms in a cell than in its margin.
  const published = (c: KeyedCount, atMost: number) => Math.min(atMost, publication.count(c.count, c.keySum));
  const flaggedA = published(counts.flaggedA, n);
  const flaggedB = published(counts.flaggedB, n);
  const onlyA = published(counts.onlyA, flaggedA);
  const onlyB = published(counts.onlyB, flaggedB);
  const side = (factor: { code: string; label: string }, count: number) => ({
    ...factor,
    count,
    share: n > 0 ? count / n : null,
    ci: wilsonInterval(n > 0 ? count / n : 0, n),
  });
  return {
    ...common,
    a: side(a, flaggedA),
    b: side(b, flaggedB),
    n,
    onlyA,
    onlyB,
    // R's mcnemar.test (with continuity correction), or its exact binomial version under 25 discordant firms.
    test: n > 0 ? mcnemarTest(onlyA, onlyB) : null,
    suppressed: false,
  };
}
