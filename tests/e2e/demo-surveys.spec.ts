// The demo keeps the paper's figures: the Jilin 2017 wave is closed, so its dashboard always shows
// 250 delivered / 226 valid and 69 / 53 / 27 %; visitors answer the open try-it survey of the same
// questionnaire, whose dashboard starts from the same responses and moves with each answer.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { removeCreatedResponses } from "./created-responses";
import { signIn } from "./researcher-session";

const { created } = removeCreatedResponses();

const shareLabels = (page: Page, level: string) =>
  page
    .getByTestId(`chart-attention-${level}`)
    .locator("svg text")
    .filter({ hasText: /%\s\(\d+\)/ });

const count = async (page: Page, name: string) =>
  Number((await page.getByTestId(`count-${name}`).textContent())!.replace(/\D/g, ""));

test("the home page invites visitors to try the questionnaire and links both dashboards, in both languages", async ({
  page,
}) => {
  await page.goto("/");
  const trial = page.getByRole("region", { name: "亲自试填：回答这份问卷" });
  await expect(trial).toContainText("吉林省小微企业协同创新制约因素调查（体验版）");
  await expect(trial).toContainText("看板从论文的答卷开始，随每位访客的回答而变化");
  await expect(trial.getByRole("link", { name: "填写问卷" })).toHaveAttribute("href", "/s/jilin-try");
  await expect(trial.getByRole("link", { name: "查看体验版看板" })).toHaveAttribute(
    "href",
    "/surveys/jilin-try/dashboard",
  );
  const paper = page.getByRole("region", { name: "论文调查：吉林省，2017 年（已结束）" });
  await expect(paper).toContainText("吉林省小微企业协同创新制约因素调查（2017）");
  await expect(paper.getByRole("link", { name: "查看论文数据看板" })).toHaveAttribute(
    "href",
    "/surveys/jilin-2017/dashboard",
  );
  await expect(paper.getByRole("link", { name: "填写问卷" })).toHaveCount(0);
  // The invitation comes first: the try-it card stands left of (or above) the paper's.
  const [a, b] = [await trial.boundingBox(), await paper.boundingBox()];
  expect(a!.x + a!.y).toBeLessThan(b!.x + b!.y);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.getByRole("button", { name: "English" }).click();
  const trialEn = page.getByRole("region", { name: "Try it: answer the questionnaire yourself" });
  await expect(trialEn).toContainText("moves with every answer visitors give");
  await expect(trialEn.getByRole("link", { name: "View the try-it dashboard" })).toBeVisible();
  const paperEn = page.getByRole("region", { name: "The paper's survey: Jilin, 2017 (closed)" });
  await expect(paperEn.getByRole("link", { name: "View the paper's dashboard" })).toBeVisible();
  await trialEn.getByRole("link", { name: "Fill in the questionnaire" }).click();
  await expect(page).toHaveURL(/\/s\/jilin-try$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Jilin small and micro enterprises: constraints on collaborative innovation (try it)",
  );
  await expect(page.getByRole("button", { name: "Next" })).toBeVisible();
});

test("the paper's survey is closed: its page says so, leads to the open try-it survey, and the API answers 410", async ({
  page,
  request,
}) => {
  await page.goto("/s/jilin-2017");
  await expect(page.getByRole("heading", { name: "本调查已结束" })).toBeVisible();
  await expect(page.getByText(/调查已于 2017年6月1日.*结束/)).toBeVisible();
  await expect(page.getByRole("button", { name: "下一步" })).toHaveCount(0);
  await expect(page.getByText("同一问卷现正以“吉林省小微企业协同创新制约因素调查（体验版）”开放填写。")).toBeVisible();
  await page.getByRole("link", { name: "前往填写" }).click();
  await expect(page).toHaveURL(/\/s\/jilin-try$/);
  await expect(page.getByRole("button", { name: "下一步" })).toBeVisible();
  const res = await request.post("/api/v1/surveys/jilin-2017/responses", {
    data: { submissionId: crypto.randomUUID(), locale: "zh", answers: { region: "changchun" } },
  });
  expect(res.status()).toBe(410);
  expect(await res.json()).toMatchObject({ error: "survey_closed" });
});

test("a response to the try-it survey moves its dashboard by one; the paper's still shows 226 valid and 69 %", async ({
  page,
  request,
}) => {
  await signIn(page.request, "viewer@example.org");
  await page.goto("/surveys/jilin-try/dashboard");
  await expect(page.getByTestId("access-note")).toContainText("成员视图");
  const before = { delivered: await count(page, "delivered"), valid: await count(page, "valid") };
  // Other specs answer the try-it survey too; it starts from the paper's 250 / 226.
  expect(before.delivered).toBeGreaterThanOrEqual(250);
  expect(before.valid).toBeGreaterThanOrEqual(226);

  const res = await request.post("/api/v1/surveys/jilin-try/responses", {
    data: {
      submissionId: crypto.randomUUID(),
      locale: "zh",
      startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      answers: {
        region: "changchun",
        industry: "manufacturing",
        employees: 30,
        lifecycle_stage: "growth",
        macro_constraints: ["national_policy"],
        middle_constraints: ["entrepreneur_training"],
        micro_constraints: ["internal_control"],
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  created.push((await res.json()).id);

  await page.reload();
  await expect(page.getByTestId("count-delivered")).toHaveText(String(before.delivered + 1));
  await expect(page.getByTestId("count-valid")).toHaveText(String(before.valid + 1));
  await expect(page.getByTestId("attention-macro-base")).toHaveText(`n = ${before.valid + 1}`);

  await page.goto("/surveys/jilin-2017/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("吉林省小微企业协同创新制约因素调查（2017）");
  await expect(page.getByTestId("count-delivered")).toHaveText("250");
  await expect(page.getByTestId("count-valid")).toHaveText("226");
  await expect(page.getByTestId("attention-macro-base")).toHaveText("n = 226");
  await expect(shareLabels(page, "macro").first()).toHaveText("69.0% (156)");
  await expect(shareLabels(page, "macro").nth(1)).toHaveText("53.1% (120)");
  await expect(shareLabels(page, "macro").nth(2)).toHaveText("27.0% (61)");
  await expect(shareLabels(page, "middle").first()).toHaveText("62.8% (142)");
});
