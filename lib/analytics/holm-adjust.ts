// Holm's step-down adjustment of p-values across a level's factors (DESIGN.md §4). Browser-safe.

/** Adjusted p-values in the order given: sorted ascending, p(i)·(m−i+1), kept monotone, capped at 1. */
export function holmAdjust(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  order.forEach(({ p, i }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[i] = runningMax;
  });
  return adjusted;
}
