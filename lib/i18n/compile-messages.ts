// Interface texts as next-intl uses them in this app: compiled ahead of use by icu-minify, the
// ICU compiler of next-intl's authors. next.config.js points use-intl's message formatter at
// icu-minify's formatter, which reads compiled messages with a few hundred bytes of code, so no
// browser downloads an ICU parser with each page (about 8 kB gzipped). Every set of messages
// handed to next-intl (lib/i18n/request.ts, createTranslator) goes through compileMessages.
import "server-only";
import compile from "icu-minify/compile";
import type { AbstractIntlMessages } from "next-intl";

function compileOne(message: string): string {
  try {
    // A compiled message takes the place of its text (next-intl's own precompiled form). The JSON
    // round trip gives plain objects (the compiler's have no prototype), which React can pass
    // from the server to client components.
    return JSON.parse(JSON.stringify(compile(message)));
  } catch {
    // Text that is not valid ICU syntax ("Authorization: Bearer <token>") is shown as written.
    return message;
  }
}

/** The same messages, compiled; typed as the original so that next-intl still checks message keys. */
export function compileMessages<M extends AbstractIntlMessages>(messages: M): M {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === "string" ? compileOne(value) : compileMessages(value),
    ]),
  ) as M;
}
