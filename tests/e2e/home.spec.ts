import { expect, test } from "@playwright/test";

test("the home page explains the platform and shows the demo survey's real counts", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("是什么制约了小微企业的创新？");
  await expect(page.getByTestId("demo-counts")).toContainText("发放问卷 250 份，有效问卷 226 份（有效率 90.4%）");
  await expect(page.getByRole("link", { name: "填写问卷" })).toHaveAttribute("href", "/s/jilin-2017");
  await expect(page.getByRole("link", { name: "查看看板" })).toHaveAttribute("href", "/surveys/jilin-2017/dashboard");
});

test("the language switch turns the interface to English and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What holds small firms back from innovating?");
  await page.reload();
  await expect(page.getByTestId("demo-counts")).toContainText("250 questionnaires delivered, 226 valid (90.4%)");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the browser's language decides until the visitor chooses", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What holds small firms back from innovating?");
  await context.close();
});

test("the health endpoint reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
});
