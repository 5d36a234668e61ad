// The README's and the closing note's figures: the phone survey (390 × 844) and the
// dashboard at 1280 × 800 in English and Chinese, saved to docs/screenshots/ after checking that
// each shows what it should (the paper's figures on the closed wave, the try-it survey's form).
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./researcher-session";

const shot = (name: string) => path.join("docs", "screenshots", name);

const macroLabels = (page: Page) =>
  page
    .getByTestId("chart-attention-macro")
    .locator("svg text")
    .filter({ hasText: /%\s\(\d+\)/ });

for (const [locale, title, progress, region] of [
  ["zh-CN", "吉林省小微企业协同创新制约因素调查（体验版）", "第 1 部分，共 4 部分", "长春市"],
  [
    "en-US",
    "Jilin small and micro enterprises: constraints on collaborative innovation (try it)",
    "Section 1 of 4",
    "Changchun",
  ],
] as const) {
  test.describe(`on a phone (${locale})`, () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale });

    test(`the survey's first section (${locale})`, async ({ page }) => {
      await page.goto("/s/jilin-try");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByText(progress)).toBeVisible();
      await page.getByRole("radio", { name: region }).check();
      await expect(page.getByRole("radio", { name: region })).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: shot(`phone-survey-${locale.slice(0, 2)}.png`) });
    });
  });
}

test.describe("the dashboard at 1280 × 800", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const [locale, heading, chartTitle] of [
    [
      "en-US",
      "Jilin small and micro enterprises: constraints on collaborative innovation (2017)",
      "Macro level (national): attention share of each factor",
    ],
    ["zh-CN", "吉林省小微企业协同创新制约因素调查（2017）", "宏观（国家）层面：各因素关注度"],
  ] as const) {
    test.describe(locale, () => {
      test.use({ locale });

      test(`the paper's figures (${locale})`, async ({ page }) => {
        await signIn(page.request, "viewer@example.org");
        await page.goto("/surveys/jilin-2017/dashboard");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expect(page.getByTestId("count-valid")).toHaveText("226");
        await expect(page.getByTestId("count-delivered")).toHaveText("250");
        const macro = page.getByTestId("chart-attention-macro");
        await expect(macro.getByRole("heading", { name: chartTitle })).toBeVisible();
        await expect(macroLabels(page).first()).toHaveText("69.0% (156)");
        // The figure starts at the sample's counts, above the screening summary and the macro chart.
        await page
          .getByTestId("count-delivered")
          .evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 40));
        await expect(page.getByTestId("count-valid")).toBeInViewport();
        await expect(macro.getByRole("heading", { name: chartTitle })).toBeInViewport();
        await expect(macroLabels(page).first()).toBeInViewport();
        await page.screenshot({ path: shot(`dashboard-${locale.slice(0, 2)}.png`) });
      });
    });
  }
});
