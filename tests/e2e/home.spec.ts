import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { responseCounts } from "@/lib/responses/counts";

// The home page shows what the public dashboards publish (perturbed), within 2 of the database's:
// the paper's closed survey (the seeded 250 / 226 figures are asserted in tests/integration) and
// the try-it survey, which other specs answer, so its counts are read at the moment of the check.
let db: Db;
test.beforeAll(() => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
});
test.afterAll(() => db.$disconnect());

async function demoCounts(request: APIRequestContext, slug = "jilin-2017") {
  const { totals } = await (await request.get(`/api/v1/surveys/${slug}/results/composition`)).json();
  const survey = await db.survey.findUniqueOrThrow({ where: { slug } });
  const exact = await responseCounts(db, survey.id);
  expect(Math.abs(totals.delivered - exact.delivered)).toBeLessThanOrEqual(2);
  expect(Math.abs(totals.valid - exact.valid)).toBeLessThanOrEqual(2);
  const rate = ((100 * totals.valid) / totals.delivered).toFixed(1).replace(/\.0$/, "");
  return { delivered: totals.delivered as number, valid: totals.valid as number, rate };
}

test("the home page explains the platform and shows both demo surveys' published counts", async ({ page, request }) => {
  const c = await demoCounts(request);
  expect(Math.abs(c.delivered - 250)).toBeLessThanOrEqual(2);
  const trial = await demoCounts(request, "jilin-try");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("是什么制约了小微企业的创新？");
  await expect(page.getByTestId("demo-counts")).toContainText(
    `发放问卷 ${c.delivered} 份，有效问卷 ${c.valid} 份（有效率 ${c.rate}%）`,
  );
  await expect(page.getByTestId("try-counts")).toContainText(
    `发放问卷 ${trial.delivered} 份，有效问卷 ${trial.valid} 份（有效率 ${trial.rate}%）`,
  );
  await expect(page.getByRole("link", { name: "填写问卷" })).toHaveAttribute("href", "/s/jilin-try");
  await expect(page.getByRole("link", { name: "查看论文数据看板" })).toHaveAttribute(
    "href",
    "/surveys/jilin-2017/dashboard",
  );
});

test("the language switch turns the interface to English and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What holds small firms back from innovating?");
  await page.reload();
  const c = await demoCounts(page.request);
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
