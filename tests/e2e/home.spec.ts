import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { responseCounts } from "@/lib/responses/counts";

// Other specs submit to the demo survey too, so the expected counts are read from the database
// at the moment of the check (the seeded 250 / 226 figures are asserted in tests/integration).
let db: Db;
test.beforeAll(() => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
});
test.afterAll(() => db.$disconnect());

async function demoCounts() {
  const survey = await db.survey.findUniqueOrThrow({ where: { slug: "jilin-2017" } });
  const c = await responseCounts(db, survey.id);
  const rate = ((100 * c.valid) / c.delivered).toFixed(1).replace(/\.0$/, "");
  return { ...c, rate };
}

test("the home page explains the platform and shows the demo survey's real counts", async ({ page }) => {
  const c = await demoCounts();
  expect(c.delivered).toBeGreaterThanOrEqual(250);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("是什么制约了小微企业的创新？");
  await expect(page.getByTestId("demo-counts")).toContainText(
    `发放问卷 ${c.delivered} 份，有效问卷 ${c.valid} 份（有效率 ${c.rate}%）`,
  );
  await expect(page.getByRole("link", { name: "填写问卷" })).toHaveAttribute("href", "/s/jilin-2017");
  await expect(page.getByRole("link", { name: "查看看板" })).toHaveAttribute("href", "/surveys/jilin-2017/dashboard");
});

test("the language switch turns the interface to English and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What holds small firms back from innovating?");
  await page.reload();
  const c = await demoCounts();
  await expect(page.getByTestId("demo-counts")).toContainText(
    `${c.delivered} questionnaires delivered, ${c.valid} valid (${c.rate}%)`,
  );
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
