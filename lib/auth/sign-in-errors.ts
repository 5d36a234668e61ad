// How the sign-in endpoint reports a refusal to the sign-in form. next-auth passes the message of
// an error thrown in `authorize` to the client as `error`, so the throttled state (with its wait)
// travels as "throttled:<seconds>". Browser-safe.
export const THROTTLED_PREFIX = "throttled:";

export type SignInError = { kind: "invalid" } | { kind: "throttled"; retryAfterSeconds: number } | { kind: "unknown" };

export function throttledErrorMessage(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${Math.ceil(retryAfterSeconds)}`;
}

export function parseSignInError(error: string | null | undefined): SignInError | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return { kind: "invalid" };
  if (error.startsWith(THROTTLED_PREFIX)) {
    const seconds = Number(error.slice(THROTTLED_PREFIX.length));
    return { kind: "throttled", retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 900 };
  }
  return { kind: "unknown" };
}
