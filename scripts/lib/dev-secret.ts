// A per-installation session secret for local runs, kept under ./data so sign-ins survive restarts.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export function devSecret(dataDir = "data"): string {
  const file = path.resolve(dataDir, "dev-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
