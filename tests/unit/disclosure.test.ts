// The perturbation table of the cell key method (lib/analytics/disclosure.ts), checked exactly
// from its integer weights: unbiased, bounded, deterministic, never negative, small groups hidden.
import { describe, expect, it } from "vitest";
import { KEY_RANGE, noiseOf, perturbationTable, publicationFor } from "@/lib/analytics/disclosure";

const settings = { method: "perturb" as const, threshold: 10, bound: 2 };

describe("perturbation table", () => {
  for (const bound of [1, 2, 3, 5]) {
    it(`D = ${bound}: every row sums to the key range, has mean exactly zero and noise within ±k`, () => {
      const table = perturbationTable(bound);
      expect(table).toHaveLength(bound + 1);
      table.forEach((row, k) => {
        expect(row.reduce((s, r) => s + r.weight, 0)).toBe(KEY_RANGE);
        // Integers: the mean is zero exactly, not to rounding.
        expect(row.reduce((s, r) => s + r.weight * r.noise, 0)).toBe(0);
        for (const r of row) {
          expect(Math.abs(r.noise)).toBeLessThanOrEqual(k);
          expect(r.weight).toBeGreaterThan(0);
          expect(Number.isInteger(r.weight)).toBe(true);
        }
      });
    });
  }

  // By hand: exp(-d²/4) for d = 0, ±1, ±2 is 1, 0.7788008, 0.3678794 (sum 3.2933604); times 65536
  // and rounded, the outer weights are 15498 and 7321, and the middle takes the rest, 19898.
  it("D = 2 gives the bell-shaped weights 30.4 %, 23.6 %, 11.2 % (σ = √2), no move more likely than none", () => {
    const row = perturbationTable(2)[2];
    expect(row.map((r) => r.noise)).toEqual([-2, -1, 0, 1, 2]);
    expect(row.map((r) => r.weight)).toEqual([7321, 15498, 19898, 15498, 7321]);
    const variance = row.reduce((s, r) => s + r.weight * r.noise * r.noise, 0) / KEY_RANGE;
    expect(variance).toBeCloseTo(89564 / 65536, 12);
  });

  it("lays the weights end to end over the cell keys, and reads a key sum modulo the range", () => {
    const row = perturbationTable(2)[2];
    expect(noiseOf(row, 0)).toBe(-2);
    expect(noiseOf(row, 7320)).toBe(-2);
    expect(noiseOf(row, 7321)).toBe(-1);
    expect(noiseOf(row, 7321 + 15498)).toBe(0);
    expect(noiseOf(row, KEY_RANGE - 1)).toBe(2);
    expect(noiseOf(row, KEY_RANGE + 7321)).toBe(-1);
    expect(noiseOf(row, 5 * KEY_RANGE + 40_000)).toBe(noiseOf(row, 40_000));
  });
});

describe("what the public sees", () => {
  const pub = publicationFor("public", settings);

  it("is a function of the count and the cell key alone: the same responses always get the same figure", () => {
    for (let key = 0; key < 3 * KEY_RANGE; key += 977) {
      expect(pub.size(150, key)).toBe(pub.size(150, key));
      expect(pub.size(150, key)).toBe(pub.size(150, key + KEY_RANGE));
      expect(pub.count(37, key)).toBe(pub.count(37, key % KEY_RANGE));
    }
  });

  it("hides groups of 1 to 9, keeps 0 as 0, and never shows a group under the threshold", () => {
    for (let n = 1; n < 10; n++) expect(pub.size(n, 12345)).toBeNull();
    expect(pub.size(0, 12345)).toBe(0);
    for (let n = 10; n < 40; n++)
      for (let key = 0; key < KEY_RANGE; key += 257) {
        const shown = pub.size(n, key)!;
        expect(shown).toBeGreaterThanOrEqual(10);
        expect(Math.abs(shown - n)).toBeLessThanOrEqual(Math.min(2, n - 10));
      }
    expect(pub.size(10, 999)).toBe(10);
  });

  it("never makes a count negative and moves it at most D", () => {
    for (let n = 0; n < 30; n++)
      for (let key = 0; key < KEY_RANGE; key += 131) {
        const shown = pub.count(n, key);
        expect(shown).toBeGreaterThanOrEqual(0);
        expect(Math.abs(shown - n)).toBeLessThanOrEqual(Math.min(2, n));
      }
    expect(pub.count(0, 4242)).toBe(0);
  });

  it("averages to the true count over uniform cell keys, exactly, for every count", () => {
    for (const n of [0, 1, 2, 5, 10, 11, 12, 13, 100]) {
      let sum = 0;
      for (let key = 0; key < KEY_RANGE; key++) sum += pub.count(n, key) - n;
      expect(sum, `count ${n}`).toBe(0);
    }
    for (const n of [10, 11, 12, 226]) {
      let sum = 0;
      for (let key = 0; key < KEY_RANGE; key++) sum += pub.size(n, key)! - n;
      expect(sum, `size ${n}`).toBe(0);
    }
  });

  it("gives members exact figures, and suppression only exact public counts with small groups hidden", () => {
    const members = publicationFor("exact", settings);
    expect([members.size(4, 1), members.count(7, 1), members.perturbed]).toEqual([4, 7, false]);
    const suppress = publicationFor("public", { ...settings, method: "suppress_only" });
    expect([suppress.size(4, 1), suppress.size(226, 1), suppress.count(3, 1), suppress.perturbed]).toEqual([
      null,
      226,
      3,
      false,
    ]);
  });
});
