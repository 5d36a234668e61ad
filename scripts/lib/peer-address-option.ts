// NODE_OPTIONS for every process that serves the app (dev, start, browser tests): preloads
// scripts/peer-address.mjs, on which the app's client addresses rely (lib/http/client-address.ts).
import path from "node:path";

export const PEER_ADDRESS_PRELOAD = path.resolve(import.meta.dirname, "../peer-address.mjs");

export function nodeOptionsWithPeerAddress(existing = process.env.NODE_OPTIONS): string {
  return [existing, `--import "${PEER_ADDRESS_PRELOAD}"`].filter(Boolean).join(" ");
}
