// Signing in and out in Chromium: back to the page asked for, clear errors, throttling, sign-out.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "@/tests/fixtures/accounts";

test("an anonymous visitor is sent to sign in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/organization");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Forganization$/);
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel("电子邮箱").fill(DEMO.owner);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText("电子邮箱或密码不正确。");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/organization$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jilin SME innovation study (demo)的成员");
  await expect(page.getByTestId("signed-in-user")).toHaveText("Demo owner");
  await expect(page.getByRole("link", { name: "审计日志" })).toBeVisible();

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  await page.goto("/account/tokens");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Ftokens$/);
});

test("empty fields are named, and a link to another site is not followed after signing in", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("请输入电子邮箱。")).toBeVisible();
  await expect(page.getByText("请输入密码。")).toBeVisible();
  await page.getByLabel("电子邮箱").fill(DEMO.viewer);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/surveys$/);
  await expect(page.getByTestId("signed-in-user")).toHaveText("Demo viewer");
  // A viewer gets no questionnaire designer in the navigation.
  await expect(page.getByRole("link", { name: "问卷", exact: true })).toHaveCount(0);
});

test("after repeated failures an unfamiliar client has to wait, and the page says so and for how long", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill("locked-out@example.org");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("The e-mail address or the password is wrong.");
  }
  // Each failure past the fifth doubles the wait (1 s, 2 s, …): a slow machine may let the
  // sixth attempt through as one more failure before one lands inside the wait.
  for (let i = 5; i < 9; i++) {
    await page.getByLabel("Password").fill(`guess-${i}`);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByTestId("sign-in-error")).toHaveText(/wrong|Too many/);
    if ((await page.getByTestId("sign-in-error").textContent())?.includes("Too many")) break;
  }
  await expect(page.getByTestId("sign-in-error")).toContainText("Too many failed attempts.");
  await expect(page.getByTestId("sign-in-error")).toContainText(/try again in \d+ seconds?\./);
  await context.close();
});
