// Pieces of the API's documented answers (lib/openapi/): each answer is encoded through its zod
// schema before it is sent, so the OpenAPI document generated from the same schemas describes
// exactly what goes over the wire. Browser-safe.
import { z } from "zod";

/** A time as ISO 8601 in UTC on the wire, a Date in the code. */
export const IsoDateTimeSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

export const ApiIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** Every non-2xx answer (DESIGN.md §5); some carry more fields that help a client act (e.g. `suggestion`). */
export const ApiErrorSchema = z
  .object({
    error: z.string().describe("A stable code, e.g. not_found, forbidden, validation_failed."),
    message: z.string().describe("What went wrong, for a person."),
    issues: z.array(ApiIssueSchema).optional().describe("For validation_failed: each problem with its field path."),
  })
  .catchall(z.unknown());

/** A page of a list read with a cursor: `nextCursor` is null on the last page. */
export function cursorPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null when this is the last one."),
  });
}
