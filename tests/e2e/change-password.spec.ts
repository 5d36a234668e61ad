// A signed-in user changes their own password: the current one is required, the new one is
// checked, and afterwards only the new one signs in.
import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { hashPassword } from "@/lib/auth/password";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

const EMAIL = "password-change@example.org";
let db: Db;
test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
  await db.user.create({
    data: {
      email: EMAIL,
      name: "Password changer",
      passwordHash: await hashPassword("old-password-123"),
      memberships: { create: { organizationId: org.id, role: "viewer" } },
    },
  });
});
test.afterAll(() => db.$disconnect());

test("a user changes their password; the old one no longer signs in", async ({ page, playwright, baseURL }) => {
  await signIn(page.request, EMAIL, "old-password-123");
  await page.goto("/surveys");
  await page.getByRole("link", { name: "Password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your password");

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("new-password-456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password; nothing was changed.")).toBeVisible();

  await page.getByLabel("Current password").fill("old-password-123");
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The password needs at least 10 characters.")).toBeVisible();

  await page.getByLabel("Current password").fill("old-password-123");
  await page.getByLabel("New password").fill("new-password-456");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText("Your password has been changed.");

  const fresh = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await fresh.get("/api/auth/csrf")).json();
  await fresh.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: EMAIL, password: "old-password-123", json: "true" },
    maxRedirects: 0,
  });
  expect((await (await fresh.get("/api/auth/session")).json())?.user).toBeUndefined();
  await signIn(fresh, EMAIL, "new-password-456");
  await fresh.dispose();

  const user = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
  expect(await db.auditEvent.count({ where: { action: "user.password_changed", actorId: user.id } })).toBe(1);
});
