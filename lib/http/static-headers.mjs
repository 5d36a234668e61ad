// The headers that every answer carries apart from pages (which get theirs with a script nonce
// from proxy.ts): next.config.js hands them to Next.js, and the app server adds them to the
// answers it serves itself (scripts/serve.ts). Plain JavaScript, since next.config.js loads it.

const COMMON = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];
const API = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];
const HTTPS = [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }];

/** Next.js's `headers()` rules. */
export const staticHeaderRules = [
  { source: "/:path*", headers: COMMON },
  { source: "/api/:path*", headers: API },
  { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: HTTPS },
];

/** The same headers for an API answer, given the request's X-Forwarded-Proto. */
export function apiAnswerHeaders(forwardedProto) {
  return [...COMMON, ...API, ...(forwardedProto === "https" ? HTTPS : [])];
}
