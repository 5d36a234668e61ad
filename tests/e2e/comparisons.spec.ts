// The comparisons of issue 11 in Chromium, as a member reads them: three size classes on the
// dashboard with the chi-square finding in words, two factors of the same firms with McNemar's
// test in words, and two waves side by side on /compare (reached from the surveys list), each
// figure the one the API gives. Another organization's survey is not found there.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Download } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { accountFixtures, RIVAL } from "@/tests/fixtures/accounts";
import { addResponse } from "@/tests/fixtures/engine-surveys";
import { signIn } from "./researcher-session";

// Group comparisons add firms to the open try-it survey (the paper's data); the side-by-side
// comparison of two waves reads the paper's closed one.
const DASHBOARD = "/surveys/jilin-try/dashboard";
const WAVE = "jilin-2020-e2e";
let db: Db;
const added: string[] = [];

test.use({ locale: "en-US" });

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const formatP = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));

test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  await accountFixtures(db);
  await db.survey.deleteMany({ where: { slug: WAVE } });
  const demo = await db.survey.findUniqueOrThrow({ where: { slug: "jilin-try" }, include: { version: true } });
  const definition: QuestionnaireDefinition = QuestionnaireDefinitionSchema.parse(demo.version.definition);
  const answers = {
    region: "changchun",
    industry: "manufacturing",
    lifecycle_stage: "growth",
    middle_constraints: ["financing_channels"],
    micro_constraints: ["none"],
  };
  // Sixteen medium-sized firms, every one naming IP protection: a third size class that differs.
  for (let i = 0; i < 16; i++) {
    const response = await addResponse(db, demo, definition, {
      answers: { ...answers, employees: 150 + i, macro_constraints: ["ip_protection"] },
    });
    added.push(response.id);
  }
  // A second wave of the same questionnaire version, with 20 firms.
  const wave = await db.survey.create({
    data: {
      organizationId: demo.organizationId,
      versionId: demo.versionId,
      slug: WAVE,
      titleZh: "吉林小微企业（2020）",
      titleEn: "Jilin small and micro enterprises (2020)",
    },
  });
  for (let i = 0; i < 20; i++)
    await addResponse(db, wave, definition, {
      answers: { ...answers, employees: 30, macro_constraints: i < 6 ? ["national_policy"] : ["fiscal_tax_support"] },
    });
});
test.afterAll(async () => {
  // Leave the try-it survey as seeded (other specs count its responses).
  await db.response.deleteMany({ where: { id: { in: added } } });
  await db.survey.deleteMany({ where: { slug: WAVE } });
  await db.$disconnect();
});

async function apiJson(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

const fileText = async (download: Download) =>
  Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
const today = () => new Date().toISOString().slice(0, 10);

type Share = { count: number; n: number; share: number } | null;
type Factor = { code: string; label: string; shares: Share[]; pHolm: number | null };

test("three size classes are compared with chi-square, in words and in a grouped bar chart beside its table, with downloads", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page.request, "viewer@example.org");
  await page.goto(DASHBOARD);
  await page.getByRole("combobox", { name: "Compare by" }).selectOption("size_class");
  await expect(page).toHaveURL(/compare_by=size_class/);
  const api = await apiJson(
    page.request,
    "/api/v1/surveys/jilin-try/results/compare?level=macro&compare_by=size_class&locale=en",
  );
  const labels = (api.groups as { label: string }[]).map((g) => g.label);
  expect(labels).toEqual([
    "Micro (under 10 employees)",
    "Small (10–100 employees)",
    "Medium or larger (over 100 employees)",
  ]);
  const section = page.getByTestId("compare-macro");
  await expect(section.locator(".recharts-bar")).toHaveCount(3);
  const significant = (api.factors as Factor[]).filter((f) => f.pHolm !== null && f.pHolm < 0.05);
  const ip = significant.find((f) => f.code === "ip_protection")!;
  expect(ip, "IP protection differs across the size classes").toBeTruthy();
  // Highest to lowest, as the sentence lists them.
  const ranked = ip.shares.map((s, i) => ({ label: labels[i], share: s!.share })).sort((x, y) => y.share - x.share);
  await expect(page.getByTestId("findings-macro")).toContainText(
    `“${ip.label}” differs across the groups: ${ranked[0].label} name it most often and ${ranked[2].label} least often (${ranked
      .map((r) => `${r.label} ${percent(r.share)}`)
      .join(" · ")}), adjusted p = ${formatP(ip.pHolm!)}.`,
  );
  const row = section.getByRole("row", { name: new RegExp(`^${ip.label}`) });
  await expect(row).toContainText(`${percent(ip.shares[2]!.share)} (16/16)`);
  await expect(row).toContainText(/χ²\(2\) = \d+\.\d\d/);

  // A grouped bar chart with a whisker per bar, and its table beside it at 1280 px.
  const figure = section.getByTestId("chart-compare-macro-chart");
  const bars = await figure.locator(".recharts-bar-rectangle").count();
  expect(bars).toBeGreaterThanOrEqual(2 * api.factors.length);
  await expect(figure.locator(".recharts-errorBar")).toHaveCount(bars);
  await expect(figure.getByTestId("compare-macro-chart-legend").locator("li")).toHaveText(labels);
  const [chartBox, tableBox] = [await figure.boundingBox(), await section.getByRole("table").boundingBox()];
  expect(tableBox!.x).toBeGreaterThanOrEqual(chartBox!.x + chartBox!.width);
  expect(tableBox!.y).toBeLessThan(chartBox!.y + chartBox!.height);

  // Its downloads carry the numbers and the context.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: /as CSV/ }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`jilin-try_macro_by_size_class_${today()}.csv`);
  const csvText = await fileText(csv);
  expect(csvText.split("\r\n")[0]).toBe(
    "\uFEFFlevel,code,label,group,group_label,count,base,share,ci_low,ci_high,test,statistic,p,p_holm",
  );
  expect(csvText).toContain(`macro,ip_protection,${ip.label},medium,Medium or larger (over 100 employees),16,16,1,`);
  const [svgFile] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: /as SVG/ }).click(),
  ]);
  expect(svgFile.suggestedFilename()).toBe(`jilin-try_macro_by_size_class_${today()}.svg`);
  const svg = await fileText(svgFile);
  expect(svg).not.toContain("foreignObject");
  const lines = await page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
    return [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "");
  }, svg);
  // Headings wrap to the drawing's width: read as one text, in order.
  const drawn = lines.join(" ");
  expect(drawn.indexOf("Jilin small and micro enterprises: constraints on collaborative innovation (try it)")).toBe(0);
  expect(drawn).toContain("Macro (national): shares in each group; * marks a significant difference");
  for (const label of labels) expect(lines).toContain(label);
  expect(drawn).toContain("95 % Wilson interval");

  // Leaving medium firms out compares two groups, in the two-group words.
  await page.getByRole("group", { name: "Groups" }).getByRole("checkbox", { name: "Medium or larger" }).uncheck();
  await expect(page).toHaveURL(/groups=micro%2Csmall|groups=micro,small/);
  await expect(section.locator(".recharts-bar")).toHaveCount(2);
  await expect(section.getByRole("row", { name: new RegExp(`^${ip.label}`) })).toContainText(/z = -?\d+\.\d\d/);
});

test("two factors of the same firms are compared with McNemar's test, in words", async ({ page }) => {
  await signIn(page.request, "viewer@example.org");
  await page.goto(DASHBOARD);
  const paired = page.getByRole("region", { name: "Two factors, same firms" });
  await paired.getByRole("combobox", { name: "Level" }).selectOption("macro");
  await paired
    .getByRole("combobox", { name: "First factor" })
    .selectOption({ label: "Support from national preferential policies" });
  await paired
    .getByRole("combobox", { name: "Second factor" })
    .selectOption({ label: "Financial and taxation support" });
  await expect(page).toHaveURL(/pair_level=macro&pair_a=national_policy&pair_b=fiscal_tax_support/);
  const api = await apiJson(
    page.request,
    "/api/v1/surveys/jilin-try/results/paired?level=macro&a=national_policy&b=fiscal_tax_support&locale=en",
  );
  expect(api.test.method).toBe("chi-square-corrected");
  expect(api.test.p).toBeLessThan(0.05);
  await expect(page.getByTestId("paired-finding")).toHaveText(
    `Of the ${api.n} firms that answered both, ${percent(api.a.share)} name “${api.a.label}” and ${percent(
      api.b.share,
    )} name “${api.b.label}”; ${api.onlyA} name only the first and ${api.onlyB} only the second. ` +
      `The same firms name “${api.a.label}” significantly more often (McNemar's test with continuity correction, p = ${formatP(
        api.test.p,
      )}).`,
  );
});

test("two waves are compared side by side from the surveys list", async ({ page }) => {
  await signIn(page.request, "viewer@example.org");
  await page.goto("/surveys");
  await page
    .getByRole("checkbox", {
      name: "Compare Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
    })
    .check();
  await page.getByRole("checkbox", { name: "Compare Jilin small and micro enterprises (2020)" }).check();
  await page.getByRole("combobox", { name: "Level" }).selectOption("macro");
  await page.getByRole("button", { name: "Compare the ticked surveys" }).click();
  // The form sends each ticked survey in the list's order.
  await expect(page).toHaveURL(/\/compare\?surveys=[\w-]+&surveys=[\w-]+&level=macro$/);
  const ticked = new URL(page.url()).searchParams.getAll("surveys");
  expect([...ticked].sort()).toEqual(["jilin-2017", WAVE]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Surveys side by side");
  // The same surveys in the same order: a z-test's sign follows it.
  const api = await apiJson(page.request, `/api/v1/compare?surveys=${ticked.join(",")}&level=macro&locale=en`);
  const table = page.getByTestId("compared-factors").getByRole("table");
  await expect(
    table.getByRole("columnheader", { name: "Jilin small and micro enterprises (2020) (n = 20)", exact: true }),
  ).toBeVisible();
  for (const f of api.factors as (Factor & { statistic: number })[]) {
    const row = table.getByRole("row", { name: new RegExp(`^${f.label}`) });
    for (const s of f.shares) await expect(row).toContainText(`${percent(s!.share)} (${s!.count}/${s!.n})`);
    await expect(row).toContainText(`z = ${f.statistic.toFixed(2)}`);
    await expect(row).toContainText(formatP(f.pHolm!));
  }
  await expect(page.getByTestId("only-in")).toContainText("All the surveys ask every factor of this level.");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  // Another level, one click away.
  await page.getByRole("link", { name: "Middle (regional)" }).click();
  await expect(page).toHaveURL(/level=middle/);
  await expect(page.getByRole("heading", { level: 2, name: /Middle level/ })).toBeVisible();
});

test("another organization's survey is not found on the comparison page", async ({ page }) => {
  await signIn(page.request, "viewer@example.org");
  const res = await page.goto(`/compare?surveys=jilin-2017,${RIVAL.survey}&level=macro`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("Rival survey")).toHaveCount(0);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the comparison page reads in Chinese", async ({ page }) => {
    await signIn(page.request, "viewer@example.org");
    await page.goto(`/compare?surveys=jilin-2017,${WAVE}&level=macro`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("多项调查并列比较");
    await expect(page.getByRole("heading", { level: 2, name: "宏观（国家）层面：各因素关注度" })).toBeVisible();
    await expect(page.getByTestId("compared-surveys")).toContainText("吉林小微企业（2020） jilin-2020-e2e · n = 20");
  });
});
