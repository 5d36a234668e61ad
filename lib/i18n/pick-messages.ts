// Which interface texts a page sends to the browser. Client components read their texts from
// NextIntlClientProvider, and every message given to it travels in each page's HTML, so a layout
// passes only the namespaces its client components use. Pure and browser-safe.
import type { AbstractIntlMessages } from "next-intl";

type Node = AbstractIntlMessages | string | undefined;

/** The parts of `messages` at these dotted paths ("common", "auth.header"), nested as in `messages`. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split(".");
    const value = keys.reduce<Node>((node, key) => (typeof node === "object" ? node[key] : undefined), messages);
    if (value === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) {
      if (typeof to[key] !== "object") to[key] = {};
      to = to[key] as AbstractIntlMessages;
    }
    to[keys[keys.length - 1]] = value;
  }
  return picked;
}
