// What a membership or token form's server action answers: the message and field errors are keys
// of the "account" message namespace, so the form shows them in the user's language. Browser-safe.
import type { z } from "zod";
import { MembershipError } from "./membership-error";

export type FormState = {
  status: "idle" | "ok" | "error";
  /** A key under account.* (e.g. "errors.lastOwner"). */
  message?: string;
  /** Field name to a key under account.*. */
  fieldErrors?: Record<string, string>;
  /** What the form shows after success, e.g. a link shown once. */
  result?: Record<string, string>;
};

export const IDLE: FormState = { status: "idle" };

export function invalidForm(error: z.ZodError): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { status: "error", fieldErrors };
}

/** Runs a command; expected refusals become messages, anything else is logged and reported generically. */
export async function formCommand(run: () => Promise<FormState>): Promise<FormState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MembershipError) return { status: "error", message: `errors.${error.code}` };
    console.error("membership command failed", error);
    return { status: "error", message: "errors.unexpected" };
  }
}
