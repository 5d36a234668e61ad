// Where to send a user after signing in. Browser-safe and pure: only paths on this site are
// accepted (absolute URLs, protocol-relative "//host" and "/\host" are refused), so a crafted
// link cannot bounce a fresh session to another site.
const MAX_LENGTH = 2000;

export function safeCallbackUrl(raw: string | null | undefined, fallback = "/"): string {
  const value = raw?.trim();
  if (!value || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(value)) return fallback;
  // Back to the sign-in page itself would loop.
  if (value === "/sign-in" || value.startsWith("/sign-in?") || value.startsWith("/api/")) return fallback;
  // Percent-encodes anything outside ASCII (such as "/％２Ｆx"): a Location header takes ASCII only.
  const url = new URL(value, "http://site.invalid");
  if (url.host !== "site.invalid") return fallback;
  return url.pathname + url.search + url.hash;
}
