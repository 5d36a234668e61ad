// What the public may see of a count: the cell key method of statistical offices (ABS TableBuilder,
// Eurostat's census tables; docs/decisions/012-cell-key-perturbation.md). Written here because no
// maintained JavaScript library implements it.
//
// Every response carries a random record key in [0, KEY_RANGE) (prisma/sql/analytics/04-cells.sql),
// and every result cell the sum of its responses' keys next to its counts. The cell key of a
// published count is that sum modulo KEY_RANGE: the same set of responses always has the same
// cell key, however the request selects it, so the same count gets the same noise and repeating
// or differencing requests cannot average the noise away. The noise comes from the perturbation
// table: integer weights out of KEY_RANGE per original count, symmetric (so exactly unbiased),
// bounded by D, and never taking a count below zero or a shown group below the threshold.
// Pure and browser-safe.

/** analytics_key_range() in SQL; tests/integration/disclosure.test.ts checks the two agree. */
export const KEY_RANGE = 65_536;

export const DISCLOSURE_METHODS = ["perturb", "suppress_only"] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];
export const MAX_PERTURBATION_BOUND = 5;

export type DisclosureSettings = { method: DisclosureMethod; threshold: number; bound: number };

/** One row of the table: the noises a count may get and their weights out of KEY_RANGE. */
export type NoiseRow = { noise: number; weight: number }[];

/**
 * rows[k]: the noise of a count that may move k either way (k = 0 … D). Weights follow a bell
 * curve of standard deviation D/√2 cut at ±k; the outer weights are rounded and the middle one
 * takes the rest, so every row sums to KEY_RANGE and, being symmetric, has mean exactly zero.
 */
export function perturbationTable(bound: number): NoiseRow[] {
  const sigma = Math.max(bound, 1) / Math.SQRT2;
  return Array.from({ length: bound + 1 }, (_, k) => {
    const shape = (d: number) => Math.exp(-(d * d) / (2 * sigma * sigma));
    let total = 0;
    for (let d = -k; d <= k; d++) total += shape(d);
    const outer = Array.from({ length: k }, (_, i) => Math.round((shape(i + 1) / total) * KEY_RANGE));
    const middle = KEY_RANGE - 2 * outer.reduce((s, w) => s + w, 0);
    return [
      ...outer.map((weight, i) => ({ noise: -(i + 1), weight })).reverse(),
      { noise: 0, weight: middle },
      ...outer.map((weight, i) => ({ noise: i + 1, weight })),
    ];
  });
}

/** The cell key of a sum of record keys. */
export const cellKeyOf = (keySum: number) => ((keySum % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;

/** The noise a row gives a cell key: the weights laid end to end over [0, KEY_RANGE). */
export function noiseOf(row: NoiseRow, keySum: number): number {
  const key = cellKeyOf(keySum);
  let end = 0;
  for (const { noise, weight } of row) {
    end += weight;
    if (key < end) return noise;
  }
  return 0;
}

/**
 * How counts reach a viewer. `size` is a group's size (a base, a composition bar, a period's
 * responses): null when the group is under the threshold and the viewer is the public. `count`
 * is a count inside a shown group (firms naming a factor, mentions): never hidden.
 */
export type Publication = {
  /** "exact": the survey's members, every figure as counted. "public": the disclosure rules apply. */
  view: "exact" | "public";
  /** True when public figures carry noise (the page says so). */
  perturbed: boolean;
  settings: DisclosureSettings;
  size(count: number, keySum: number): number | null;
  count(count: number, keySum: number): number;
};

/** A summed result-cell row as a group size for this viewer (no row: an empty group). */
export const sizeOfRow = (publication: Publication, row: { responses: number; keySum: number } | undefined) =>
  publication.size(row?.responses ?? 0, row?.keySum ?? 0);

export function publicationFor(view: "exact" | "public", settings: DisclosureSettings): Publication {
  const { threshold, bound } = settings;
  if (view === "exact") return { view, perturbed: false, settings, size: (count) => count, count: (count) => count };
  const small = (count: number) => count > 0 && count < threshold;
  if (settings.method === "suppress_only" || bound === 0)
    return {
      view,
      perturbed: false,
      settings,
      size: (count) => (small(count) ? null : count),
      count: (count) => count,
    };
  const table = perturbationTable(bound);
  return {
    view,
    perturbed: true,
    settings,
    // A shown group stays at or above the threshold: it moves at most as far as it is above it.
    size: (count, keySum) =>
      count === 0 ? 0 : small(count) ? null : count + noiseOf(table[Math.min(bound, count - threshold)], keySum),
    // A count moves at most as far as it is above zero.
    count: (count, keySum) => count + noiseOf(table[Math.min(bound, count)], keySum),
  };
}
