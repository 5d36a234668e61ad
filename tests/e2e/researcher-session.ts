// Signs a browser context in as a demo user through next-auth's credentials endpoint (the same
// requests the sign-in form makes), so tests start on the page they are about.
import { expect, type APIRequestContext } from "@playwright/test";

export async function signIn(
  request: APIRequestContext,
  email = "researcher@example.org",
  password = "jilin-demo-2017",
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}
