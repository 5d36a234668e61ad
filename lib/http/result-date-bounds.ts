// Results filters take calendar dates; PostgreSQL has no year 0, and far-off years only hide
// typos. The date format itself is checked by the results filter schema.
import { validationFailed } from "./api-response";

const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

/** A 422 naming the first of `from` / `to` whose year lies outside 1900–9999, else null. */
export function resultDatesOutOfBounds(search: URLSearchParams): Response | null {
  for (const key of ["from", "to"]) {
    const year = Number(/^(\d{4})-/.exec(search.get(key) ?? "")?.[1] ?? MIN_YEAR);
    if (year < MIN_YEAR || year > MAX_YEAR)
      return validationFailed(
        [{ path: [key], message: `Use a date between the years ${MIN_YEAR} and ${MAX_YEAR}` }],
        "The date range is not valid.",
      );
  }
  return null;
}
