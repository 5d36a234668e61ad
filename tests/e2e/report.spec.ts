// The survey report in Chromium: a member reads it in English and in Chinese (the sample's counts,
// a level's base and shares, the method notes) and downloads the PDF the app prints; the public
// reads the public version; printing leaves out the site's navigation.
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";

const REPORT = "/surveys/jilin-2017/report";

test("a member reads the report in both languages and downloads it as a PDF", async ({ page }) => {
  await signInAs(page.request, DEMO.viewer);
  await page.goto(`${REPORT}?locale=en`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
  );
  await expect(page.getByTestId("report-version")).toHaveText("Members' version: exact figures.");
  // Other browser tests answer the demo survey as well: the report must show the survey's figures
  // as the API gives them now (250 delivered, 226 valid, 69.0 % (156) on a fresh seed).
  const { counts } = await (await page.request.get("/api/v1/surveys/jilin-2017/settings")).json();
  const attention = await (await page.request.get("/api/v1/surveys/jilin-2017/results/attention?level=macro")).json();
  const policy = attention.factors.find((f: { code: string }) => f.code === "national_policy");
  const pct = (x: number) => (100 * x).toFixed(1);
  await expect(page.getByTestId("report-count-delivered")).toHaveText(String(counts.delivered));
  await expect(page.getByTestId("report-count-valid")).toHaveText(String(counts.valid));
  await expect(page.getByTestId("report-count-screened")).toHaveText(String(counts.screened));
  await expect(page.getByTestId("report-count-validityRate")).toHaveText(`${pct(counts.valid / counts.delivered)}%`);
  await expect(page.getByTestId("report-screened-too_fast")).toHaveText(/^Too fast .*: \d+$/);

  const macro = page.getByTestId("report-level-macro");
  await expect(macro.getByRole("heading", { level: 2 })).toHaveText(
    "Macro level (national): attention share of each factor",
  );
  await expect(page.getByTestId("report-level-macro-base")).toHaveText(`n = ${attention.base}`);
  const bar = `${pct(policy.share)}% (${policy.count})`;
  await expect(page.getByTestId("report-level-macro-chart").locator("text", { hasText: bar })).toHaveCount(1);
  await expect(
    page.getByTestId("report-level-macro-table").getByRole("row", { name: /national preferential policies/ }),
  ).toHaveText(
    new RegExp(`${pct(policy.share)}%\\s*${pct(policy.ci[0])}–${pct(policy.ci[1])}%\\s*${policy.count}\\s*${policy.n}`),
  );
  await expect(page.getByTestId("report-level-middle-base")).toHaveText(/^n = \d+$/);
  await expect(page.getByTestId("report-differences-size_class")).toContainText("Groups compared: Small");
  await expect(page.getByTestId("report-method-interval")).toHaveText(
    "Intervals: 95 % Wilson score interval (z = 1.96) of each share over its own base.",
  );
  await expect(page.getByTestId("report-method-weighting")).toHaveText(
    /^Weighting: the figures of this report are unweighted\./,
  );

  await page.getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(/locale=zh/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("吉林省小微企业协同创新制约因素调查（2017）");
  await expect(page.getByRole("heading", { name: "样本" })).toBeVisible();
  await expect(page.getByTestId("report-count-valid")).toHaveText(String(counts.valid));
  await expect(page.getByTestId("report-level-macro-base")).toHaveText(`n = ${attention.base}`);
  await expect(page.getByTestId("report-level-macro-chart").locator("text", { hasText: bar })).toHaveCount(1);
  await expect(page.getByTestId("report-method-weighting")).toHaveText(/^加权：本报告的数字均未加权。/);
  await expect(page.getByTestId("report-method-disclosure")).toHaveText(/^披露控制：本成员版显示精确数字/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("report-download-pdf").click(),
  ]);
  expect(download.suggestedFilename()).toBe("jilin-2017-report-zh.pdf");
  const pdf = Buffer.concat(await (await download.createReadStream()).toArray());
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
});

test("the public reads the published figures, and printing leaves out the site's navigation", async ({ page }) => {
  await page.goto(`${REPORT}?locale=en`);
  await expect(page.getByTestId("report-version")).toHaveText(
    "Public version: the figures the survey's disclosure rules publish.",
  );
  await expect(page.getByText("The reasons for screening are given in the members' version only.")).toBeVisible();
  await expect(page.getByTestId("report-screening")).toHaveCount(0);
  await expect(page.getByTestId("report-level-macro-base")).toHaveText(/^n = \d+$/);
  await expect(page.getByTestId("report-method-disclosure")).toContainText("this public version perturbs every count");

  await expect(page.getByRole("banner")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByTestId("report-download-pdf")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
