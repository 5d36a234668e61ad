// What PostgreSQL `text` can hold: no NUL character, and valid UTF-16 (JSON can carry a lone
// surrogate such as "\ud800", which has no UTF-8 form). Browser-safe: the answer check uses it too.
const UNSTORABLE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string) => !UNSTORABLE_TEXT.test(text);

export const UNSTORABLE_TEXT_MESSAGE = "Text may not contain NUL characters or unpaired UTF-16 surrogates.";

/** The path of the first key or string in a parsed JSON value that PostgreSQL cannot store. */
export function unstorableTextPath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = unstorableTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
