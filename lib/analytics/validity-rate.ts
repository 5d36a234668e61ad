// Validity rate = valid / delivered (DESIGN.md §4): 226 / 250 = 90.4 % in the model survey.
export function validityRate(valid: number, delivered: number): number | null {
  return delivered === 0 ? null : valid / delivered;
}
