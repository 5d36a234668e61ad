// The designer as SurveyJS Creator and LimeSurvey users expect it (issue 14): a blank
// questionnaire opens without red errors and previews while it has problems, which are listed
// beside the preview and lead to their fields; an outline keeps seven questions a short page;
// sections, questions and options reorder by mouse and keyboard; display conditions combine with
// and/or and compare numbers; a "don't know / refused" option stands alone. Screenshots of the
// designer in both languages go to docs/screenshots/. The English designer names items by their
// English labels (the move, delete and drag buttons too). The focus follows what the researcher
// did: into a question opened from the outline or from its own line, and onto the handle of an
// item moved from the keyboard.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US", viewport: { width: 1280, height: 800 } });
test.setTimeout(120_000);

const question = (page: Page, code: string) => page.getByRole("article", { name: `Question ${code}` });
const outline = (page: Page) => page.getByRole("navigation", { name: "Outline" });
const t = (en: string, zh: string) => ({ en, zh });
const opt = (code: string, en: string, zh: string) => ({ code, label: t(en, zh) });

/** A valid questionnaire with two sections, imported through the API; returns its id. */
async function importQuestionnaire(request: APIRequestContext, code: string): Promise<string> {
  const definition = {
    format: "sme-survey/questionnaire@1",
    code,
    title: t("Expansion survey", "扩张调查"),
    locales: ["zh", "en"],
    factors: [],
    sections: [
      {
        code: "firm",
        title: t("Firm", "企业"),
        questions: [
          {
            code: "region",
            type: "single",
            label: t("Region", "地区"),
            options: [opt("changchun", "Changchun", "长春"), opt("jilin", "Jilin City", "吉林市")],
          },
          { code: "employees", type: "number", label: t("Employees", "员工人数"), integer: true, min: 0 },
          {
            code: "markets",
            type: "multi",
            label: t("Markets", "市场"),
            options: [opt("eu", "EU", "欧盟"), opt("us", "USA", "美国"), opt("refused", "Refused to say", "拒答")],
          },
          { code: "plan", type: "text", label: t("Expansion plan", "扩张计划") },
        ],
      },
      {
        code: "outlook",
        title: t("Outlook", "展望"),
        questions: [
          { code: "mood", type: "scale", label: t("Business outlook", "经营前景"), scale: { min: 1, max: 5 } },
        ],
      },
    ],
  };
  const res = await request.post("/api/v1/questionnaires", { data: definition });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

async function draftOf(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/v1/questionnaires/${id}/definition`);
  expect(res.status()).toBe(200);
  return (await res.json()) as {
    sections: { code: string; questions: { code: string; options?: { code: string }[]; showIf?: unknown }[] }[];
  };
}

/** Presses the mouse on `from`, moves it in steps (dnd-kit starts after a few pixels) and drops on `to`. */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 - 8, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  await page.mouse.up();
}

async function createBlank(page: Page, code: string) {
  await page.goto("/questionnaires");
  const blank = page.locator("section:has(> h2:text-is('Start blank'))");
  await blank.getByLabel("Code").fill(code);
  await blank.getByLabel("Title (English)").fill("Blank start");
  await blank.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}$/);
}

test("a blank questionnaire opens without errors, previews with problems, lists them and refuses to publish", async ({
  page,
}) => {
  await signIn(page.request);
  await createBlank(page, "polish_blank");
  // Nothing touched yet: no field is marked wrong, and the count is a to-do, not an alarm.
  await expect(page.getByTestId("issue-total")).toHaveText("4 problems to fix before publishing");
  await expect(page.locator("main [data-issue-path]")).toHaveCount(0);
  await expect(page.locator("main [aria-invalid='true']")).toHaveCount(0);
  const problems = page.getByTestId("problems").getByRole("button");
  await expect(problems).toHaveCount(4);
  await expect(problems.nth(0)).toContainText("Section section_1 · title");
  await expect(problems.nth(2)).toContainText("Section section_1 › question section_1_q1 › option_1 · label");
  // The problems list is a heading level beside the outline and the preview.
  await expect(page.getByRole("heading", { level: 2, name: "4 things to fix before publishing" })).toBeVisible();
  // The first question cannot have a condition; the disabled button says why to screen readers.
  await expect(
    question(page, "section_1_q1").getByRole("button", { name: "Show only if …" }),
  ).toHaveAccessibleDescription("The first question is always shown: a condition can only use earlier questions.");
  // The outline, the problems list and the editor pass WCAG 2.1 AA (contrast included).
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The preview already shows the draft: blank labels stand as their codes, typed text at once.
  const preview = page.getByTestId("preview-frame").contentFrame();
  await expect(preview.getByRole("radio", { name: "option_1" })).toBeVisible();
  const q1 = question(page, "section_1_q1");
  await q1.getByLabel("Question (English)", { exact: true }).fill("Firm type");
  await expect(preview.getByText("Firm type")).toBeVisible();
  await expect(page.getByTestId("issue-total")).toHaveText("3 problems to fix before publishing");
  await expect(preview.getByRole("radio", { name: "option_2" })).toBeVisible();

  // A problem of the list takes the researcher to its field, which now shows the message.
  await problems.filter({ hasText: "option_2 · label" }).click();
  const option2 = q1.getByTestId("item-option_2");
  await expect(option2.getByLabel("Label (Chinese)", { exact: true })).toBeFocused();
  await expect(option2.locator("[data-issue-path]")).toHaveText("A label needs text in at least one language");
  await expect(q1.getByTestId("item-option_1").locator("[data-issue-path]")).toHaveCount(0);

  // Publishing refuses, says how many problems are left, and marks every one at its field.
  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not published" })).toContainText(
    "Not published: 3 problems are left to fix.",
  );
  await expect(page.locator("main [data-issue-path]")).toHaveCount(3);
  await expect(problems).toHaveCount(3);
  await expect(page.getByTestId("issue-total")).toHaveText("3 problems to fix before publishing");
  await page.goto(page.url() + "/versions");
  await expect(page.getByText("Not published yet.", { exact: false })).toBeVisible();
});

test("seven questions stay a short page: an outline beside the editor opens one question at a time", async ({
  page,
}) => {
  await signIn(page.request);
  await createBlank(page, "polish_outline");
  await page.getByLabel("New question type").selectOption({ label: "Text" });
  for (let i = 2; i <= 7; i++) {
    await page.getByRole("button", { name: /^Add question to/ }).click();
    await expect(question(page, `section_1_q${i}`)).toHaveAttribute("data-open", "true");
  }
  await expect(page.locator("article[data-open]")).toHaveCount(1);
  const entries = outline(page).getByRole("list").nth(1).getByRole("button");
  await expect(entries).toHaveCount(7);
  await expect(entries.nth(6)).toHaveAttribute("aria-current", "true");

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`designer with 7 questions at 1280×800: page height ${height} px`);
  expect(height).toBeLessThan(2400);

  // The outline sits beside the editor, not above it.
  const nav = (await outline(page).boundingBox())!;
  const editor = (await question(page, "section_1_q7").boundingBox())!;
  expect(nav.x + nav.width).toBeLessThanOrEqual(editor.x);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await entries.nth(2).click();
  const third = question(page, "section_1_q3");
  await expect(third).toHaveAttribute("data-open", "true");
  await expect(question(page, "section_1_q7")).not.toHaveAttribute("data-open", "true");
  await expect(third).toBeInViewport();
  await expect(third.getByLabel("Question (English)", { exact: true })).toBeVisible();
  // The focus has left the outline for the opened question's first field.
  await expect(third.getByLabel("Question code")).toBeFocused();
  // A collapsed question opens from its own line as well, from the keyboard too; the line's
  // button is gone, and the focus is in the opened editor.
  await question(page, "section_1_q5")
    .getByRole("button", { name: /^section_1_q5/ })
    .focus();
  await page.keyboard.press("Enter");
  await expect(question(page, "section_1_q5")).toHaveAttribute("data-open", "true");
  await expect(page.locator("article[data-open]")).toHaveCount(1);
  await expect(question(page, "section_1_q5").getByLabel("Question code")).toBeFocused();
});

test("sections, questions and options reorder by mouse and keyboard, and the draft keeps the order", async ({
  page,
}) => {
  await signIn(page.request);
  const id = await importQuestionnaire(page.request, "polish_reorder");
  await page.goto(`/questionnaires/${id}`);
  const questionOrder = () =>
    page
      .locator("section[aria-label='Section Firm'] article")
      .evaluateAll((list) => list.map((a) => a.getAttribute("data-testid")!.replace(/^question-/, "")));
  // With the other section's question open, the four of Firm are one line each.
  await outline(page).getByRole("button", { name: "Business outlook" }).click();
  await expect.poll(questionOrder).toEqual(["region", "employees", "markets", "plan"]);

  // Mouse: "Expansion plan" dragged by its handle onto "Region".
  await dragWithMouse(
    page,
    page.getByRole("button", { name: "Drag to reorder Expansion plan" }),
    page.getByRole("button", { name: "Drag to reorder Region" }),
  );
  await expect.poll(questionOrder).toEqual(["plan", "region", "employees", "markets"]);
  // The arrows are still there.
  await expect(page.getByRole("button", { name: "Move Region up" })).toBeEnabled();

  // Keyboard: EU picked up with Space, moved down one place, dropped with Space.
  await outline(page).getByRole("button", { name: "Markets" }).click();
  const markets = question(page, "markets");
  const optionOrder = () =>
    markets.locator("[data-testid^='item-']").evaluateAll((l) => l.map((o) => o.getAttribute("data-testid")));
  // Each step is announced to screen readers (dnd-kit's live region), in the designer's language.
  const eu = markets.getByRole("button", { name: "Drag to reorder EU" });
  await eu.focus();
  await page.keyboard.press("Space");
  await expect(eu).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText("EU is now at position 2 of 3.")).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText("EU dropped at position 2 of 3.")).toBeAttached();
  await expect.poll(optionOrder).toEqual(["item-us", "item-eu", "item-refused"]);
  // The focus stays on the handle of the option moved, now second, so it can move on.
  await expect(markets.getByTestId("item-eu").getByRole("button", { name: "Drag to reorder EU" })).toBeFocused();

  // Keyboard, a whole section: Outlook moved above Firm.
  const outlook = page.getByRole("button", { name: "Drag to reorder Outlook" });
  await outlook.focus();
  await page.keyboard.press("Enter");
  await expect(outlook).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText("Outlook is now at position 1 of 2.")).toBeAttached();
  await page.keyboard.press("Enter");
  const sections = outline(page).getByRole("list").first().locator(":scope > li > button");
  await expect(sections).toHaveText(["1. Outlook", "2. Firm"]);
  await expect(outlook).toBeFocused();

  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  const draft = await draftOf(page.request, id);
  expect(draft.sections.map((s) => s.code)).toEqual(["outlook", "firm"]);
  expect(draft.sections[1].questions.map((q) => q.code)).toEqual(["plan", "region", "employees", "markets"]);
  expect(draft.sections[1].questions[3].options!.map((o) => o.code)).toEqual(["us", "eu", "refused"]);
  await page.reload();
  await expect(sections).toHaveText(["1. Outlook", "2. Firm"]);
  await expect(outline(page).getByRole("list").nth(2).getByRole("button")).toHaveText([
    "Expansion plan",
    "Region",
    "Employees",
    "Markets",
  ]);
});

test("a question shown only if employees >= 10 and region = Jilin City, built in the designer, in preview and survey", async ({
  page,
  browser,
}) => {
  await signIn(page.request);
  const id = await importQuestionnaire(page.request, "polish_logic");
  await page.goto(`/questionnaires/${id}`);
  await outline(page).getByRole("button", { name: "Expansion plan" }).click();
  const plan = question(page, "plan");
  await plan.getByRole("button", { name: "Show only if …" }).click();
  await plan.getByLabel("Earlier question", { exact: true }).selectOption({ label: "Employees (employees)" });
  await plan.getByLabel("Condition", { exact: true }).selectOption({ label: "is at least" });
  await plan.getByLabel("Value", { exact: true }).fill("10");
  await plan.getByRole("button", { name: "Add condition" }).click();
  const second = plan.getByRole("group", { name: /^Condition 2/ });
  await second.getByLabel("Earlier question").selectOption({ label: "Region (region)" });
  await second.getByLabel("Condition", { exact: true }).selectOption({ label: "equals" });
  await second.getByLabel("Value").selectOption({ label: "Jilin City" });
  await plan.getByLabel("Show when").selectOption({ label: "any of these holds (or)" });
  await expect(second.locator("legend")).toHaveText("Condition 2 · or");
  await plan.getByLabel("Show when").selectOption({ label: "all of these hold (and)" });
  await expect(second.locator("legend")).toHaveText("Condition 2 · and");

  // "Refused to say" marked as don't know / refused in the designer.
  await outline(page).getByRole("button", { name: "Markets" }).click();
  await question(page, "markets")
    .getByTestId("item-refused")
    .getByLabel(/^Don't know \/ refused/)
    .check();

  await expect(page.getByTestId("issue-total")).toHaveText("Ready to publish");
  await expect(page.getByTestId("save-state")).toHaveText("All changes saved");
  const draft = await draftOf(page.request, id);
  expect(draft.sections[0].questions[3].showIf).toEqual({
    all: [
      { question: "employees", op: "gte", value: 10 },
      { question: "region", op: "equals", value: "jilin" },
    ],
  });

  // The phone preview follows the condition.
  const preview = page.getByTestId("preview-frame").contentFrame();
  await preview.getByRole("radio", { name: "Jilin City" }).check();
  await preview.getByLabel("Employees").fill("12");
  await expect(preview.getByText("Expansion plan")).toBeVisible();
  await preview.getByLabel("Employees").fill("5");
  await expect(preview.getByText("Expansion plan")).toHaveCount(0);

  await page.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText("Published as version 1")).toBeVisible();
  await page.getByRole("link", { name: "Create a survey from it" }).click();
  await page.getByLabel("Address").fill("polish-logic");
  await page.getByLabel("Minimum completion time (seconds)").fill("");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/polish-logic$/);

  const firm = await browser.newContext({ locale: "en-US" });
  const form = await firm.newPage();
  await form.goto("/s/polish-logic");
  const planField = form.getByLabel("Expansion plan");
  await form.getByRole("radio", { name: "Jilin City" }).check();
  await form.getByLabel("Employees").fill("5");
  await expect(planField).toHaveCount(0);
  await form.getByLabel("Employees").fill("10");
  await expect(planField).toBeVisible();
  await form.getByRole("radio", { name: "Changchun" }).check();
  await expect(planField).toHaveCount(0);
  await form.getByRole("radio", { name: "Jilin City" }).check();
  await expect(planField).toBeVisible();

  // "Refused to say" stands alone: it clears the other markets, and another market clears it.
  await form.getByRole("checkbox", { name: "EU" }).check();
  await form.getByRole("checkbox", { name: "USA" }).check();
  await form.getByRole("checkbox", { name: "Refused to say" }).check();
  await expect(form.getByRole("checkbox", { name: "EU" })).not.toBeChecked();
  await expect(form.getByRole("checkbox", { name: "USA" })).not.toBeChecked();
  await form.getByRole("checkbox", { name: "USA" }).check();
  await expect(form.getByRole("checkbox", { name: "Refused to say" })).not.toBeChecked();
  await firm.close();

  // The server refuses the combination with a message that names the option.
  const res = await page.request.post("/api/v1/surveys/polish-logic/responses", {
    data: {
      submissionId: randomUUID(),
      locale: "en",
      answers: { region: "jilin", employees: 12, markets: ["eu", "refused"] },
    },
  });
  expect(res.status()).toBe(422);
  expect((await res.json()).issues).toEqual([
    {
      path: ["answers", "markets"],
      code: "exclusive_conflict",
      message: "“Refused to say” cannot be combined with other answers. Untick it or the others.",
    },
  ]);
});

test("screenshots of the designer in English and Chinese at 1280×800", async ({ page, browser }) => {
  const dir = path.join(process.cwd(), "docs/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  await signIn(page.request);
  const id = await importQuestionnaire(page.request, "polish_shots");
  await page.goto(`/questionnaires/${id}`);
  await outline(page).getByRole("button", { name: "Markets" }).click();
  await expect(page.getByTestId("preview-frame").contentFrame().getByText("Markets")).toBeVisible();
  await expect(question(page, "markets")).toBeInViewport();
  await page.screenshot({ path: path.join(dir, "designer-en.png") });

  const zh = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 800 } });
  await signIn(zh.request);
  const zhPage = await zh.newPage();
  await zhPage.goto(`/questionnaires/${id}`);
  await zhPage.getByRole("navigation", { name: "大纲" }).getByRole("button", { name: "市场" }).click();
  await expect(zhPage.getByTestId("preview-frame").contentFrame().getByText("市场")).toBeVisible();
  await expect(zhPage.getByRole("article", { name: "题目 markets" })).toBeInViewport();
  await zhPage.screenshot({ path: path.join(dir, "designer-zh.png") });
  await zh.close();
  for (const name of ["designer-en.png", "designer-zh.png"])
    expect(fs.statSync(path.join(dir, name)).size).toBeGreaterThan(20_000);
});
