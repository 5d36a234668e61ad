// Stable keys for the designer's list items (sections, questions, options, matrix rows): the
// React key and the drag-and-drop id of an item follow it through moves, edits and deletions, so
// that after a keyboard drop the focus stays on the handle of the item that moved, not on the
// item that took its old place. A key belongs to an item object; an edit makes a new object
// (immer), which takes over the key of the object it replaced at the same place. Browser-safe.
import type { DraftDefinition } from "./draft-edits";

const keys = new WeakMap<object, string>();
let last = 0;

/** The item's key, given on first use. */
export function itemKey(item: object): string {
  let key = keys.get(item);
  if (key === undefined) {
    key = `item-${++last}`;
    keys.set(item, key);
  }
  return key;
}

/**
 * Gives each new item of `after` the key of the item it replaced in `before` (same place, and
 * not itself kept: a duplicate or an added item gets a key of its own), then does the same for
 * the lists inside each pair of items with one key.
 */
function carry<T extends object>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
  inner?: (before: T, after: T) => void,
) {
  if (!before || !after || before === after) return;
  const kept = new Set<object>(after);
  const existed = new Set<object>(before);
  after.forEach((item, i) => {
    const replaced = before[i];
    if (!keys.has(item) && !existed.has(item) && replaced !== undefined && !kept.has(replaced))
      keys.set(item, itemKey(replaced));
  });
  if (!inner) return;
  const byKey = new Map(before.map((item) => [itemKey(item), item]));
  for (const item of after) {
    const previous = byKey.get(itemKey(item));
    if (previous && previous !== item) inner(previous, item);
  }
}

type Lists = { options?: readonly object[]; rows?: readonly object[] };

/** Carries the keys of a draft's sections, questions, options and rows over to its next state. */
export function carryItemKeys(before: DraftDefinition, after: DraftDefinition) {
  carry(before.sections, after.sections, (s0, s1) =>
    carry(s0.questions, s1.questions, (q0, q1) => {
      carry((q0 as Lists).options, (q1 as Lists).options);
      carry((q0 as Lists).rows, (q1 as Lists).rows);
    }),
  );
}
