// Opaque cursors for keyset pagination: the sort key of the last row of a page, as base64url JSON.
// Clients pass them back unchanged; a cursor that does not decode to the expected key is refused.
import type { z } from "zod";

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The decoded key, or null when the text is not a cursor of this list. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
