// Where the app's server code resolves two packages differently from Node's own rules, for every
// place that loads it: Next.js (next.config.js), the app server's own endpoint (scripts/serve.ts,
// through scripts/lib/module-aliases-hook.mjs) and the tests (vitest.config.ts).
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * next-intl formats messages compiled by lib/i18n/compile-messages.ts, with icu-minify's small
 * formatter instead of an ICU parser in every page's JavaScript.
 */
export const FORMAT_MESSAGE = {
  specifier: "use-intl/format-message",
  file: require.resolve("use-intl/format-message/format-only", { paths: [ROOT] }),
};

/**
 * `server-only` throws unless the `react-server` condition is set, which Next.js sets inside its
 * server bundles only. Outside any client bundle the marker is its empty module (the package
 * exports no subpath, so it is found beside the module that throws).
 */
export const SERVER_ONLY = {
  specifier: "server-only",
  file: path.join(path.dirname(require.resolve("server-only", { paths: [ROOT] })), "empty.js"),
};
