// API tokens: random, shown once, stored as SHA-256 (a token has 256 bits of entropy, so a fast
// hash is enough; a slow password hash would only slow every API call).
import { createHash, randomBytes } from "node:crypto";

export const API_TOKEN_PREFIX = "smet_";

export function newApiToken(): { token: string; tokenHash: string } {
  const token = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
