// A researcher builds a questionnaire with every question type and a display condition, publishes
// it, fields it as a survey, a firm answers it through its link, and the researcher screens the
// response by hand and restores it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { lowContrast } from "./contrast";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });
test.setTimeout(120_000);

const question = (page: Page, code: string) => page.getByRole("article", { name: `Question ${code}` });

async function label(scope: Locator, field: string, en: string, zh?: string) {
  await scope.getByLabel(`${field} (English)`, { exact: true }).first().fill(en);
  if (zh) await scope.getByLabel(`${field} (Chinese)`, { exact: true }).first().fill(zh);
}

async function addQuestion(page: Page, type: string, code: string, en: string, zh: string) {
  await page.getByLabel("New question type").selectOption({ label: type });
  await page.getByRole("button", { name: /^Add question to/ }).click();
  const q = question(page, code);
  await expect(q).toBeVisible();
  await label(q, "Question", en, zh);
  return q;
}

async function labelOptions(q: Locator, labels: [string, string][]) {
  for (const [i, [en, zh]] of labels.entries()) await label(q.getByTestId(`item-option_${i + 1}`), "Label", en, zh);
}

test("design every question type, publish, field, answer, screen and restore", async ({ page }) => {
  await signIn(page.request);
  await page.goto("/questionnaires");
  const blank = page.locator("section:has(> h2:text-is('Start blank'))");
  await blank.getByLabel("Code").fill("e2e_types");
  await blank.getByLabel("Title (Chinese)").fill("全部题型");
  await blank.getByLabel("Title (English)").fill("All question types");
  await blank.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("issue-total")).toContainText("problems to fix");

  await label(page.locator("main"), "Section title", "Firm", "企业");
  const q1 = question(page, "section_1_q1");
  await label(q1, "Question", "Firm type", "企业类型");
  // The options' labels are still blank, but untouched: not marked as errors yet.
  await expect(q1.locator("[data-issue-path]")).toHaveCount(0);
  await labelOptions(q1, [
    ["Alpha", "甲"],
    ["Beta", "乙"],
  ]);

  const q2 = await addQuestion(page, "Multiple choice", "section_1_q2", "Concerns", "关注");
  await labelOptions(q2, [["Gamma", "丙"]]);
  // A label in one language only is flagged, and valid.
  await label(q2.getByTestId("item-option_2"), "Label", "Delta");
  await expect(q2.getByTestId("item-option_2").getByText("Translation missing")).toBeVisible();
  await label(q2.getByTestId("item-option_2"), "Label", "Delta", "丁");
  await expect(q2.getByText("Translation missing")).toHaveCount(0);
  await q2.getByRole("button", { name: "Show only if …" }).click();
  await q2.getByLabel("Condition").selectOption({ label: "equals" });
  // The value is left to choose, and the problem says so, at the field and in the list.
  await expect(q2.getByLabel("Value")).toHaveValue("");
  await expect(q2.getByLabel("Value").locator("option").first()).toHaveText("Choose an option");
  await expect(q2.locator("[data-issue-path$='showIf.value']")).toHaveText('The "equals" condition needs a value');
  await expect(
    page
      .getByTestId("problems")
      .getByRole("button", { name: /section_1_q2 · value The "equals" condition needs a value/ }),
  ).toBeVisible();
  await q2.getByLabel("Value").selectOption({ label: "Alpha" });
  await expect(q2.getByLabel("Value")).toHaveValue("option_1");
  await expect(q2.locator("[data-issue-path$='showIf.value']")).toHaveCount(0);

  const q3 = await addQuestion(page, "Ranking", "section_1_q3", "Priorities", "优先事项");
  await labelOptions(q3, [
    ["Epsilon", "戊"],
    ["Zeta", "己"],
  ]);

  const q4 = await addQuestion(page, "Rating scale", "section_1_q4", "Policy rating", "政策评分");
  await q4.getByLabel("Factor").selectOption("national_policy");
  // The threshold it now needs is listed beside the preview (its field is not touched yet).
  const problems = page.getByTestId("problems");
  await expect(
    problems.getByRole("button", { name: /section_1_q4 · concern from A question mapped to factors needs/ }),
  ).toBeVisible();
  await q4.getByLabel("Concern from").fill("4");
  await expect(problems.getByText("A question mapped to factors needs an attentionThreshold")).toHaveCount(0);

  const q5 = await addQuestion(page, "Matrix (rows × scale)", "section_1_q5", "Obstacles", "障碍");
  await label(q5.getByTestId("item-row_1"), "Label", "Tax rates", "税率");
  const q6 = await addQuestion(page, "Number", "section_1_q6", "Employees", "员工人数");
  // An optional text typed and then emptied leaves nothing behind to fix.
  await q6.getByLabel("Help text (English)").fill("Headcount");
  await q6.getByLabel("Help text (English)").fill("");
  const q7 = await addQuestion(page, "Text", "section_1_q7", "Comment", "意见");

  // Delete, then undo; the English designer names the question in English.
  await q7.getByRole("button", { name: "Delete Comment" }).click();
  await expect(question(page, "section_1_q7")).toHaveCount(0);
  await page.getByText("Deleted Comment.").getByRole("button", { name: "Undo" }).click();
  await expect(question(page, "section_1_q7")).toBeVisible();

  await expect(page.getByTestId("issue-total")).toHaveText("Ready to publish");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  // The preview is a phone: an iframe 390 CSS pixels wide whose layout follows the phone's width,
  // so the two options of a single choice stand one above the other, as on the firm's phone.
  const frame = page.getByTestId("preview-frame");
  expect(await frame.evaluate((f: HTMLIFrameElement) => f.contentWindow!.innerWidth)).toBe(390);
  const preview = frame.contentFrame();
  await expect(preview.getByText("Firm type")).toBeVisible();
  const [alpha, beta] = await Promise.all(
    ["Alpha", "Beta"].map(async (name) => (await preview.getByText(name, { exact: true }).boundingBox())!),
  );
  expect(beta.x).toBeCloseTo(alpha.x, 0);
  expect(beta.y).toBeGreaterThan(alpha.y);
  await preview.getByRole("radio", { name: "Beta" }).check();
  await expect(preview.getByRole("radio", { name: "Beta" })).toBeChecked();
  await page.getByRole("group", { name: "Preview language" }).getByRole("button", { name: "中文" }).click();
  await expect(preview.getByText("企业类型")).toBeVisible();
  // Also when the page is loaded whole (the frame may load before the page's script runs).
  await page.reload();
  await expect(preview.getByText("Firm type")).toBeVisible();

  // The language tags beside every bilingual field (中 / EN, hidden from screen readers, so axe
  // skips them) are readable: at least 4.5:1 against what they stand on.
  const tags = page.locator("main span[aria-hidden]").filter({ hasText: /^(中|EN)$/ });
  expect(await tags.count()).toBeGreaterThan(10);
  expect(await lowContrast(tags)).toEqual([]);

  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText("Published as version 1")).toBeVisible();
  await page.getByRole("link", { name: "Create a survey from it" }).click();

  await expect(page).toHaveURL(/\/surveys\/new\?questionnaire=[0-9a-f-]{36}&version=1$/);
  await expect(page.getByLabel("Title (English)", { exact: true })).toHaveValue("All question types");
  await page.getByLabel("Address").fill("e2e-all-types");
  await page.getByLabel("Minimum completion time (seconds)").fill("");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-all-types$/);
  await expect(page.getByTestId("survey-status")).toHaveText("Open");
  await expect(page.getByTestId("count-delivered")).toHaveText("0");
  await expect(page.getByTestId("qr-code").locator("svg")).toBeVisible();
  await expect(page.getByTestId("respondent-link")).toHaveAttribute("href", /\/s\/e2e-all-types$/);

  // A firm answers through the link, in a browser of its own.
  const firm = await page.context().browser()!.newContext({ locale: "en-US" });
  const form = await firm.newPage();
  await form.goto("/s/e2e-all-types");
  await form.getByLabel("Alpha").check();
  await form.getByLabel("Gamma").check();
  await form.getByRole("button", { name: "Add “Epsilon” to the ranking" }).click();
  await form.getByRole("button", { name: "Add “Zeta” to the ranking" }).click();
  await form
    .getByRole("group", { name: /Policy rating/ })
    .getByLabel("4")
    .check();
  await form.getByRole("group", { name: "Tax rates" }).getByLabel("2").check();
  await form.getByLabel("Employees").fill("12");
  await form.getByLabel("Comment").fill("Fine");
  await form.getByRole("button", { name: "Submit" }).click();
  await expect(form).toHaveURL(/\/s\/e2e-all-types\/thanks/);
  await firm.close();

  await page.reload();
  await expect(page.getByTestId("count-valid")).toHaveText("1");
  await page.goto("/surveys/e2e-all-types/responses");
  await expect(page.getByTestId("response-row")).toHaveCount(1);
  await page.getByTestId("response-row").getByRole("link").click();
  await expect(page.getByTestId("response-state")).toHaveText("Valid");
  for (const answer of ["Alpha", "Gamma", "1. Epsilon", "2. Zeta", "Tax rates: 2", "12", "Fine"])
    await expect(page.getByText(answer, { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Mark invalid" }).click();
  await expect(page.getByText("Give a reason of at least 3 characters.")).toBeVisible();
  await page.getByLabel("Reason for marking this response invalid").fill("Interviewer filled it in");
  await page.getByRole("button", { name: "Mark invalid" }).click();
  await expect(page.getByTestId("response-state")).toHaveText("Screened out");
  await expect(page.getByTestId("screened-reason")).toContainText("By hand: Interviewer filled it in");
  await page.goto("/surveys/e2e-all-types/responses?status=screened");
  await expect(page.getByTestId("response-row")).toContainText("Interviewer filled it in");
  await page.getByTestId("response-row").getByRole("link").click();
  await page.getByRole("button", { name: "Restore as valid" }).click();
  await expect(page.getByTestId("response-state")).toHaveText("Valid");
});
