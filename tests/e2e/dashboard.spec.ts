// The attention dashboard in Chromium: the paper's figures with their base and intervals, the
// sample's make-up, filters held in the URL, the measure toggle, small cells hidden from the
// public but shown (marked) to members, downloads, and live updates that survive a dropped stream.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";

const DASHBOARD = "/surveys/jilin-2017/dashboard";
let db: Db;
const created: string[] = [];

test.beforeAll(() => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
});
test.afterAll(async () => {
  // Leave the demo survey as seeded (other specs count its responses).
  await db.response.deleteMany({ where: { id: { in: created } } });
  await db.$disconnect();
});

test.use({ locale: "en-US" });

const macro = (page: Page) => page.getByTestId("chart-attention-macro");

async function submitResponse(request: APIRequestContext) {
  const res = await request.post("/api/v1/surveys/jilin-2017/responses", {
    data: {
      submissionId: crypto.randomUUID(),
      locale: "en",
      startedAt: new Date(Date.now() - 15 * 60_000).toISOString(),
      answers: {
        region: "changchun",
        industry: "manufacturing",
        employees: 42,
        lifecycle_stage: "growth",
        macro_constraints: ["national_policy"],
        middle_constraints: ["none"],
        micro_constraints: ["internal_control"],
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = await res.json();
  created.push(id);
  return id as string;
}

test("an anonymous visitor sees the paper's figures with base, intervals and the sample's make-up", async ({
  page,
}) => {
  await page.goto(DASHBOARD);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
  );
  await expect(page.getByTestId("access-note")).toContainText("Public view");
  await expect(page.getByTestId("count-delivered")).toHaveText("250");
  await expect(page.getByTestId("count-valid")).toHaveText("226");
  await expect(page.getByTestId("count-screened")).toHaveText("24");
  await expect(page.getByTestId("count-validityRate")).toHaveText("90.4%");

  await expect(page.getByTestId("attention-macro-base")).toHaveText("n = 226");
  const macroLabels = macro(page)
    .locator("svg text")
    .filter({ hasText: /%\s\(\d+\)/ });
  await expect(macroLabels).toHaveText([
    "69.0% (156)",
    "53.1% (120)",
    "27.0% (61)",
    "21.2% (48)",
    "15.5% (35)",
    "8.8% (20)",
  ]);
  await expect(macro(page).locator(".recharts-errorBar")).toHaveCount(6);
  const middleLabels = page
    .getByTestId("chart-attention-middle")
    .locator("svg text")
    .filter({ hasText: /%\s\(\d+\)/ });
  await expect(middleLabels.first()).toHaveText("62.8% (142)");
  await expect(middleLabels.nth(3)).toHaveText("47.8% (108)");

  await macro(page).getByText("Show the numbers as a table").click();
  const firstRow = macro(page).getByRole("row").nth(1);
  await expect(firstRow).toContainText("Support from national preferential policies");
  await expect(firstRow).toContainText("62.7% – 74.7%");

  const regions = page
    .getByTestId("chart-distribution-region")
    .locator("svg text")
    .filter({ hasText: /%\s\(\d+\)/ });
  await expect(regions.first()).toHaveText("45.1% (102)");
  await expect(
    page
      .getByTestId("chart-distribution-industry")
      .locator("svg text")
      .filter({ hasText: /%\s\(\d+\)/ })
      .first(),
  ).toHaveText("23.0% (52)");
});

test("filters combine, live in the URL, match the API, and hide small cells from the public", async ({
  page,
  request,
}) => {
  await page.goto(DASHBOARD);
  await page.getByRole("combobox", { name: "Region", exact: true }).selectOption("changchun");
  await expect(page).toHaveURL(/region=changchun/);
  await page.getByRole("combobox", { name: "Size class", exact: true }).selectOption("small");
  await expect(page).toHaveURL(/region=changchun.*size_class=small|size_class=small.*region=changchun/);
  const api = await (
    await request.get("/api/v1/surveys/jilin-2017/results/attention?level=macro&region=changchun&size_class=small")
  ).json();
  expect(api.base).toBeGreaterThan(10);
  expect(api.base).toBeLessThan(102);
  await expect(page.getByTestId("attention-macro-base")).toHaveText(`n = ${api.base}`);
  const top = api.factors[0];
  await expect(
    macro(page)
      .locator("svg text")
      .filter({ hasText: /%\s\(\d+\)/ })
      .first(),
  ).toHaveText(`${(top.share * 100).toFixed(1)}% (${top.count})`);

  // The shared link opens the same view.
  const shared = await page.context().newPage();
  await shared.goto(page.url());
  await expect(shared.getByTestId("attention-macro-base")).toHaveText(`n = ${api.base}`);
  await expect(shared.getByRole("combobox", { name: "Region", exact: true })).toHaveValue("changchun");
  await shared.close();

  await page.getByRole("combobox", { name: "Region", exact: true }).selectOption("dunhua");
  await expect(page.getByTestId("attention-macro-suppressed")).toContainText("fewer than 10 responses");
  await expect(macro(page).locator("svg text").filter({ hasText: /%/ })).toHaveCount(0);
  const hidden = await (
    await request.get("/api/v1/surveys/jilin-2017/results/attention?level=macro&region=dunhua&size_class=small")
  ).json();
  expect(hidden).toMatchObject({ suppressed: true, base: null, factors: [] });

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("attention-macro-base")).toHaveText("n = 226");
});

test("percent of responses divides mentions by all mentions", async ({ page }) => {
  await page.goto(DASHBOARD);
  await page.getByLabel("Percent of responses (mentions)").check();
  await expect(page).toHaveURL(/measure=responses/);
  await expect(page.getByTestId("attention-macro-base")).toHaveText("n = 226 firms, 440 mentions");
  await expect(
    macro(page)
      .locator("svg text")
      .filter({ hasText: /%\s\(\d+\)/ })
      .first(),
  ).toHaveText("35.5% (156)");
  await expect(macro(page).locator(".recharts-errorBar")).toHaveCount(0);
});

test("a member sees small cells, marked", async ({ page }) => {
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const signIn = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: "viewer@example.org", password: "jilin-demo-2017", json: "true" },
  });
  expect(signIn.ok()).toBe(true);
  await page.goto(`${DASHBOARD}?region=dunhua`);
  await expect(page.getByTestId("access-note")).toContainText("Member view");
  await expect(page.getByTestId("attention-macro-small-base")).toContainText("Small base (under 10)");
  await expect(page.getByTestId("attention-macro-base")).toHaveText(/^n = [1-9]$/);
});

test("each chart downloads as PNG, SVG and CSV", async ({ page }) => {
  await page.goto(DASHBOARD);
  const chart = macro(page);
  await expect(chart.locator("svg text").filter({ hasText: "69.0% (156)" })).toBeVisible();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    chart.getByRole("button", { name: /as CSV/ }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe("attention-macro.csv");
  const text = await (await csv.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toContain(
    "macro,national_policy,Support from national preferential policies,156,226,0.690265,0.627224,0.746947,,cases",
  );
  for (const format of ["PNG", "SVG"]) {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      chart.getByRole("button", { name: new RegExp(`as ${format}`) }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`attention-macro.${format.toLowerCase()}`);
    const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
    expect(bytes.length).toBeGreaterThan(2000);
  }
});

test("a response submitted elsewhere appears within a second, also after the stream dropped", async ({
  page,
  request,
}) => {
  let dropped = 0;
  // The first stream connection fails, as when a proxy or server restarts; the page reconnects.
  await page.route("**/results/stream", (route) =>
    dropped++ === 0 ? route.abort("connectionreset") : route.fallback(),
  );
  await page.goto(DASHBOARD);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live", { timeout: 15_000 });
  expect(dropped).toBeGreaterThanOrEqual(2);
  const before = Number((await page.getByTestId("count-valid").textContent())!.replace(/\D/g, ""));

  await submitResponse(request);
  const stored = Date.now();
  await expect(page.getByTestId("count-valid")).toHaveText(String(before + 1), { timeout: 1_000 });
  const seenAfter = Date.now() - stored;
  await expect(page.getByTestId("attention-macro-base")).toHaveText(`n = ${before + 1}`);
  await expect(page.getByTestId("live-updated")).toContainText("Updated");
  console.log(`live update visible ${seenAfter} ms after the submission returned`);

  // Removing it (as a researcher's screening would) updates the open page too.
  await db.response.deleteMany({ where: { id: { in: created.splice(0) } } });
  await expect(page.getByTestId("count-valid")).toHaveText(String(before), { timeout: 2_000 });
});

test("two groups are compared factor by factor with Holm-adjusted p-values", async ({ page, request }) => {
  await page.goto(DASHBOARD);
  await page.getByRole("combobox", { name: "Compare by" }).selectOption("size_class");
  await page.getByRole("combobox", { name: "Group A" }).selectOption("micro");
  await page.getByRole("combobox", { name: "Group B" }).selectOption("small");
  await expect(page).toHaveURL(/compare_by=size_class&group_a=micro&group_b=small/);
  const api = await (
    await request.get(
      "/api/v1/surveys/jilin-2017/results/compare?level=macro&compare_by=size_class&group_a=micro&group_b=small",
    )
  ).json();
  expect(api.baseA + api.baseB).toBe(226);
  const table = page.getByTestId("compare-macro");
  await expect(table.getByRole("columnheader").nth(1)).toHaveText(`Micro (under 10 employees) (n = ${api.baseA})`);
  const first = api.factors[0];
  await expect(table.getByRole("row").nth(1)).toContainText(`${(first.a.share * 100).toFixed(1)}% (${first.a.count})`);
  await expect(table.getByRole("row").nth(1)).toContainText(`${(first.b.share * 100).toFixed(1)}% (${first.b.count})`);
  const bad = await request.get(
    "/api/v1/surveys/jilin-2017/results/compare?level=macro&compare_by=size_class&group_a=micro&group_b=micro",
  );
  expect(bad.status()).toBe(422);
  expect((await bad.json()).issues[0]).toEqual({ path: ["group_b"], message: "Choose two different groups" });
});

test.describe("on a phone, in Chinese", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });

  test("the dashboard reads in Chinese, fits the screen and passes axe (WCAG 2.1 AA)", async ({ page }) => {
    await page.goto(DASHBOARD);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("吉林省小微企业协同创新制约因素调查（2017）");
    await expect(page.getByRole("heading", { name: "宏观（国家）层面：各因素关注度" })).toBeVisible();
    await expect(macro(page).locator("svg text").filter({ hasText: "69.0% (156)" })).toBeVisible();
    await expect(page.getByTestId("count-validityRate")).toHaveText("90.4%");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
