// How every production server of the app is started (`npm start`, browser tests, benchmarks):
// scripts/serve.ts in one Node process, TypeScript loaded by tsx. PORT and HOSTNAME go in its
// environment; the peer-address preload rides along in NODE_OPTIONS for anything it spawns.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { nodeOptionsWithPeerAddress } from "./peer-address-option";

const ROOT = path.resolve(import.meta.dirname, "../..");
// tsx's loader by its own address, so that the server starts from any working directory.
const TSX_LOADER = pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;

/** The executable and arguments of the app server. */
export const serveCommand: [string, string[]] = [
  process.execPath,
  ["--import", TSX_LOADER, path.join(ROOT, "scripts/serve.ts")],
];

/** The same as one shell command line, for Playwright's webServer. */
export const serveCommandLine = serveCommand
  .flat()
  .map((part) => `"${part}"`)
  .join(" ");

/** The environment of the app server listening on `port` (127.0.0.1 unless `hostname`). */
export function serveEnv(port: number, hostname = "127.0.0.1"): Record<string, string> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: hostname,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: nodeOptionsWithPeerAddress(),
  };
}
