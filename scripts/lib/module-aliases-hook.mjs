// Module resolution hook of the app server (scripts/serve.ts): its endpoint loads lib/ modules
// with Node's resolution, where Next.js's bundler would apply the aliases of module-aliases.mjs.
// The process cannot set the `react-server` condition instead: Next's own server in the same
// process needs React's ordinary build.
import { pathToFileURL } from "node:url";
import { FORMAT_MESSAGE, SERVER_ONLY } from "./module-aliases.mjs";

const ALIASES = new Map([FORMAT_MESSAGE, SERVER_ONLY].map((a) => [a.specifier, pathToFileURL(a.file).href]));

export async function resolve(specifier, context, nextResolve) {
  const aliased = ALIASES.get(specifier);
  return aliased ? { url: aliased, shortCircuit: true } : nextResolve(specifier, context);
}
