// Invitation tokens are stored as SHA-256 only (the token itself is shown once when the list is
// made); a token has enough entropy that a fast hash suffices.
import "server-only";
import { createHash } from "node:crypto";

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token.trim()).digest("hex");
}
