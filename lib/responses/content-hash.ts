// A response's fingerprint, to tell a replayed submission (same content: answer 200 with the same id)
// from a conflicting one (same submissionId, other content: 409).
import { createHash } from "node:crypto";

/** JSON with object keys sorted, so that key order does not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function contentHashOf(content: { locale: string; answers: unknown; token?: string | null }): string {
  return createHash("sha256")
    .update(canonicalJson({ ...content, token: content.token ?? null }))
    .digest("hex");
}
