// The address a request comes from, for rate limits and sign-in throttling. The server appends
// the socket's address to X-Forwarded-For (scripts/peer-address.mjs), so the last entry is
// always the peer; each trusted proxy in front appends its own peer. With TRUST_PROXY_HOPS = n
// the (n+1)-th entry from the right is the client: entries further left were written by the
// client itself and are never trusted.
import { env } from "@/lib/env";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function forwardedFor(headers: HeaderSource): string {
  if (headers instanceof Headers) return headers.get("x-forwarded-for") ?? "";
  const value = headers["x-forwarded-for"];
  return (Array.isArray(value) ? value.join(",") : value) ?? "";
}

export function clientAddress(headers: HeaderSource, trustedHops = env().TRUST_PROXY_HOPS): string {
  const hops = forwardedFor(headers)
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Fewer entries than trusted proxies: the leftmost is the best there is.
  return hops[Math.max(0, hops.length - 1 - trustedHops)] ?? "unknown";
}
