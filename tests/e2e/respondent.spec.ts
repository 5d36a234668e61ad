// Firms fill in questionnaires in Chromium: on a phone in Chinese, on a desktop in English, by
// keyboard alone, resuming after a reload or on another device, with invitations; each page
// checked by axe (WCAG 2.1 AA), and the stored responses counted in SQL.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { flaggedFactors } from "@/tests/fixtures/flagged-factors";
import { createRespondentSurveys } from "@/tests/fixtures/respondent-surveys";

let db: Db;
test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  if (!(await db.survey.findUnique({ where: { slug: "all-types" } }))) await createRespondentSurveys(db);
});
test.afterAll(() => db.$disconnect());

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const completeCount = async (slug: string) => db.response.count({ where: { survey: { slug }, status: "complete" } });

test.describe("on a phone, in Chinese", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });

  test("a firm answers the Jilin survey section by section, sees precise errors, and is counted (screened as too fast)", async ({
    page,
  }) => {
    const before = await completeCount("jilin-try");
    await page.goto("/s/jilin-try");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("吉林省小微企业协同创新制约因素调查（体验版）");
    await expect(page.getByText("第 1 部分，共 4 部分")).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("button", { name: "下一步" }).click();
    const summary = page.getByRole("form").getByRole("alert");
    await expect(summary).toContainText("有 4 个答案需要修改");
    await expect(summary).toBeFocused();
    await expect(page.locator("#q-region")).toContainText("请回答此题。");
    await expectAccessible(page);

    await page.getByRole("radio", { name: "长春市" }).check();
    await page.getByRole("radio", { name: "制造业" }).check();
    await page.getByLabel("贵企业现有从业人员数").fill("0");
    await page.getByRole("radio", { name: /成长期/ }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.locator("#q-employees")).toContainText("请输入不小于 1 的数字。");
    await expect(page.getByLabel("贵企业现有从业人员数")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("贵企业现有从业人员数").fill("２５");
    await expect(page.locator("#q-employees")).not.toContainText("请输入");
    await page.getByRole("button", { name: "下一步" }).click();

    await expect(page.getByRole("heading", { name: "宏观（国家）层面" })).toBeFocused();
    await page.getByRole("checkbox", { name: "国家优惠政策扶持" }).check();
    await page.getByRole("checkbox", { name: "财政与税收支持" }).check();
    await page.getByRole("checkbox", { name: "以上都不是" }).check();
    await expect(page.getByRole("checkbox", { name: "国家优惠政策扶持" })).not.toBeChecked();
    await page.getByRole("checkbox", { name: "国家优惠政策扶持" }).check();
    await expect(page.getByRole("checkbox", { name: "以上都不是" })).not.toBeChecked();
    await page.getByRole("button", { name: "下一步" }).click();
    await page.getByRole("checkbox", { name: "企业家培训支持" }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByText("第 4 部分，共 4 部分")).toBeVisible();
    await page.getByRole("checkbox", { name: "内部控制" }).check();
    await page.getByRole("button", { name: "提交" }).dblclick();

    await expect(page).toHaveURL(/\/s\/jilin-try\/thanks$/);
    await expect(page.getByRole("heading", { name: "感谢您的参与！" })).toBeVisible();
    await expectAccessible(page);
    expect(await completeCount("jilin-try")).toBe(before + 1);
    const stored = await db.response.findFirstOrThrow({
      where: { survey: { slug: "jilin-try" }, status: "complete" },
      orderBy: { completedAt: "desc" },
    });
    expect(stored).toMatchObject({
      locale: "zh",
      screenedRule: "too_fast",
      breakdowns: { region: "changchun", size_class: "small" },
    });
    expect(stored.answers).toMatchObject({ employees: 25, macro_constraints: ["national_policy"] });
  });

  test("the points of a scale and of each matrix row share one line in equal widths", async ({ page }) => {
    await page.goto("/s/all-types");
    await page.getByRole("radio", { name: "否" }).check();
    await page.getByLabel("从业人员数").fill("40");
    await page.getByRole("button", { name: "下一步" }).click();
    const groups = page.locator("#q-severity [role=radiogroup], #q-grid [role=radiogroup]");
    await expect(groups).toHaveCount(3);
    for (const group of await groups.all()) {
      const frame = (await group.boundingBox())!;
      const boxes = await Promise.all((await group.locator("label").all()).map(async (l) => (await l.boundingBox())!));
      expect(boxes).toHaveLength(5);
      for (const box of boxes) {
        expect(box.y).toBeCloseTo(boxes[0].y, 0);
        expect(box.width).toBeCloseTo(boxes[0].width, 0);
        expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
      }
      expect(boxes[0].width).toBeGreaterThanOrEqual(44);
    }
    await expect(page.getByRole("radio", { name: "5 很重" })).toBeVisible();
  });

  test("a page with a ranking question keeps its headings in order", async ({ page }) => {
    await page.goto("/s/all-types");
    await page.getByRole("radio", { name: "否" }).check();
    await page.getByLabel("从业人员数").fill("40");
    await page.getByRole("button", { name: "下一步" }).click();
    await expect(page.getByRole("heading", { name: "您的排序" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withRules(["heading-order"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    expect(results.passes.map((v) => v.id)).toEqual(["heading-order"]);
    await expectAccessible(page);
  });

  test("a firm sees no sign-in link, the optional firm code says so once, and the tab has the site's icon", async ({
    page,
    request,
  }) => {
    await page.goto("/s/jilin-try");
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
    await expect(page.getByRole("link", { name: "登录" })).toHaveCount(0);
    await expect(page.locator("#q-firm_id label")).toHaveText("统一社会信用代码 (选答)");
    const icon = await page.locator('head link[rel="icon"]').getAttribute("href");
    const response = await request.get(icon!);
    expect(response.headers()["content-type"]).toContain("image/svg+xml");
    expect(await response.text()).toContain("<svg");

    await page.goto("/");
    await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
  });

  test("switching to English keeps every answer", async ({ page }) => {
    await page.goto("/s/jilin-try");
    await page.getByRole("radio", { name: "白城市" }).check();
    await page.getByLabel("贵企业现有从业人员数").fill("7");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Jilin small and micro enterprises: constraints on collaborative innovation (try it)",
    );
    await expect(page.getByRole("radio", { name: "Baicheng" })).toBeChecked();
    await expect(page.getByLabel("How many people does your firm employ?")).toHaveValue("7");
  });
});

test.describe("on a desktop, in English", () => {
  test.use({ locale: "en-GB", viewport: { width: 1280, height: 900 } });

  test("every question type, with showIf, max selections and ranking, is answered and stored as valid", async ({
    page,
  }) => {
    await page.goto("/s/all-types");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test: all-types");
    await expect(page.getByText("Which markets do you export to?")).toHaveCount(0);
    await page.getByRole("radio", { name: "Yes" }).check();
    await expect(page.getByText("Which markets do you export to?")).toBeVisible();
    await page.getByRole("checkbox", { name: "EU" }).check();
    await page.getByRole("checkbox", { name: "USA" }).check();
    await expect(page.getByRole("checkbox", { name: "Asia" })).toBeDisabled();
    await page.getByLabel("Number of employees").fill("4.5");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.locator("#q-staff")).toContainText("Enter a whole number, without decimals.");
    await expectAccessible(page);
    await page.getByLabel("Number of employees").fill("40");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByRole("button", { name: "Add “Talent” to the ranking" }).click();
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("form").getByRole("alert")).toContainText("3 answers need your attention");
    await expect(page.locator("#q-top")).toContainText("Rank exactly 2 options (you ranked 1).");
    await page.getByRole("button", { name: "Add “Funding” to the ranking" }).click();
    await page.getByRole("button", { name: "Move “Funding” up" }).click();
    await expect(page.locator("#q-top ol li").first()).toContainText("Funding");
    await page.getByRole("radio", { name: "5 Very severe" }).check();
    await page.getByRole("group", { name: "Talent" }).getByRole("radio", { name: "3" }).check();
    await page.getByRole("group", { name: "Policy" }).getByRole("radio", { name: "0" }).check();
    await page.getByLabel("Other comments").fill("Access to credit is the main problem.");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();

    const stored = await db.response.findFirstOrThrow({
      where: { survey: { slug: "all-types" }, status: "complete" },
      include: { answerRows: true },
      orderBy: { completedAt: "desc" },
    });
    expect(stored).toMatchObject({
      locale: "en",
      screenedRule: null,
      answers: {
        exporter: "yes",
        markets: ["eu", "us"],
        staff: 40,
        top: ["funding", "talent"],
        severity: 5,
        grid: { talent: 3, policy: 0 },
      },
    });
    expect(await flaggedFactors(db, stored.id)).toEqual(["funding", "talent"]);
  });

  test("a don't-know or refused option stands alone, like 'none of these'", async ({ page }) => {
    await page.goto("/s/all-types");
    await page.getByRole("radio", { name: "Yes" }).check();
    await page.getByRole("checkbox", { name: "EU" }).check();
    await page.getByRole("checkbox", { name: "USA" }).check();
    const refused = page.getByRole("checkbox", { name: "Refused to say" });
    await expect(refused).toBeEnabled();
    await refused.check();
    await expect(page.getByRole("checkbox", { name: "EU" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "USA" })).not.toBeChecked();
    await page.getByRole("checkbox", { name: "Asia" }).check();
    await expect(refused).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Asia" })).toBeChecked();
  });

  test("answers survive a reload, and the resume link brings them to another device", async ({ page, browser }) => {
    await page.goto("/s/jilin-try");
    await page.getByRole("radio", { name: "Siping" }).check();
    await page.getByLabel("How many people does your firm employ?").fill("12");
    await expect(page.getByRole("status")).toHaveText(
      "Your answers are saved. You can close this page and come back later.",
    );
    await page.reload();
    await expect(page.getByRole("radio", { name: "Siping" })).toBeChecked();
    await expect(page.getByLabel("How many people does your firm employ?")).toHaveValue("12");

    const link = await page.getByLabel("Keep this link to come back to your answers:").inputValue();
    expect(link).toMatch(/\/s\/jilin-try\?resume=[0-9a-f-]{36}$/);
    const submissionId = link.split("resume=")[1];
    expect(await db.response.findFirst({ where: { submissionId } })).toMatchObject({
      status: "partial",
      answers: { region: "siping", employees: 12 },
    });

    const other = await browser.newContext({ locale: "zh-CN" });
    const phone = await other.newPage();
    await phone.goto(link);
    await expect(phone.getByRole("radio", { name: "四平市" })).toBeChecked();
    await expect(phone.getByLabel("贵企业现有从业人员数")).toHaveValue("12");
    await other.close();
  });

  test("after 'saved', a change says 'Saving…' until the server has it, and closing the page meanwhile asks first", async ({
    page,
  }) => {
    await page.goto("/s/jilin-try");
    await page.getByRole("radio", { name: "Siping" }).check();
    const status = page.getByRole("status");
    const saved = "Your answers are saved. You can close this page and come back later.";
    await expect(status).toHaveText(saved);
    const link = await page.getByLabel("Keep this link to come back to your answers:").inputValue();
    const submissionId = link.split("resume=")[1];

    // The next save is held on its way to the server.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/v1/surveys/jilin-try/responses", async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole("radio", { name: "Tonghua" }).check();
    await expect(status).toHaveText("Saving…");
    // Meanwhile the server, as a resume link on another device reads it, still has the old answer,
    // and the page keeps saying so for as long as the save is on its way.
    const resumed = await page.request.get(`/api/v1/surveys/jilin-try/responses/${submissionId}`);
    expect(await resumed.json()).toMatchObject({ answers: { region: "siping" } });
    await page.waitForTimeout(3000);
    await expect(status).toHaveText("Saving…");

    // Leaving now asks first (the browser's own prompt); staying keeps the page.
    const asked = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);

    release();
    await expect(status).toHaveText(saved);
    expect(await db.response.findFirst({ where: { submissionId } })).toMatchObject({ answers: { region: "tonghua" } });
    // Once saved, the page closes without asking.
    let promptedAgain = false;
    page.on("dialog", (d) => {
      promptedAgain = true;
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(promptedAgain).toBe(false);
  });

  test("a stale page on the first device cannot overwrite newer answers saved on a second one", async ({
    page,
    browser,
  }) => {
    await page.goto("/s/jilin-try");
    await page.getByRole("radio", { name: "Siping" }).check();
    await expect(page.getByRole("status")).toHaveText(
      "Your answers are saved. You can close this page and come back later.",
    );
    const link = await page.getByLabel("Keep this link to come back to your answers:").inputValue();
    const submissionId = link.split("resume=")[1];

    // The laptop continues through the resume link and changes the answer.
    const other = await browser.newContext({ locale: "en-US" });
    const laptop = await other.newPage();
    await laptop.goto(link);
    await laptop.getByRole("radio", { name: "Tonghua" }).check();
    await laptop.getByLabel("How many people does your firm employ?").fill("40");
    // Until the server has the change, the page does not claim it is saved.
    await expect(laptop.getByRole("status")).toHaveText("Saving…");
    await expect(laptop.getByRole("status")).toHaveText(
      "Your answers are saved. You can close this page and come back later.",
    );
    expect(await db.response.findFirst({ where: { submissionId } })).toMatchObject({
      answers: { region: "tonghua", employees: 40 },
    });
    await other.close();

    // The first page, still showing Siping, saves again: it is told, and shows the laptop's answers.
    await page.getByLabel("How many people does your firm employ?").fill("12");
    await expect(page.getByRole("status")).toHaveText(
      "Newer answers to this questionnaire were saved on another device; this page now shows them.",
    );
    await expect(page.getByRole("radio", { name: "Tonghua" })).toBeChecked();
    await expect(page.getByLabel("How many people does your firm employ?")).toHaveValue("40");
    expect(await db.response.findFirst({ where: { submissionId } })).toMatchObject({
      status: "partial",
      answers: { region: "tonghua", employees: 40 },
    });

    // From there it saves normally, and a reload keeps the newest answers.
    await page.getByLabel("How many people does your firm employ?").fill("41");
    await expect(page.getByRole("status")).toHaveText(
      "Your answers are saved. You can close this page and come back later.",
    );
    await page.reload();
    await expect(page.getByRole("radio", { name: "Tonghua" })).toBeChecked();
    await expect(page.getByLabel("How many people does your firm employ?")).toHaveValue("41");
    expect(await db.response.findFirst({ where: { submissionId } })).toMatchObject({
      answers: { region: "tonghua", employees: 41 },
    });
  });

  test("a closed survey says so, with its dates", async ({ page }) => {
    await page.goto("/s/closed-2016");
    await expect(page.getByRole("heading", { name: "This survey is closed" })).toBeVisible();
    await expect(page.getByText("It closed on January 1, 2017")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/s/future-2099");
    await expect(page.getByText("It opens on March 1, 2099")).toBeVisible();
  });
});

test.describe("invitations", () => {
  test("an invitation answers once; its reuse and a wrong token show clear pages", async ({ page }) => {
    await page.goto("/s/invited");
    await expect(page.getByRole("heading", { name: "本调查仅限受邀企业填写" })).toBeVisible();
    await page.goto("/s/invited?token=not-a-real-token");
    await expect(page.getByRole("heading", { name: "此邀请链接无效" })).toBeVisible();

    await page.goto("/s/invited?token=invite-alpha-0001");
    await page.getByRole("radio", { name: "长春市" }).check();
    await page.getByRole("radio", { name: "制造业" }).check();
    await page.getByLabel("贵企业现有从业人员数").fill("30");
    await page.getByRole("radio", { name: /成熟期/ }).check();
    await page.getByRole("button", { name: "下一步" }).click();
    for (const option of ["知识产权保护", "企业家培训支持", "研发资金不足"]) {
      await page.getByRole("checkbox", { name: option }).check();
      await page.getByRole("button", { name: /下一步|提交/ }).click();
    }
    await expect(page.getByRole("heading", { name: "感谢您的参与！" })).toBeVisible();

    await page.goto("/s/invited?token=invite-alpha-0001");
    await expect(page.getByRole("heading", { name: "此邀请已被使用" })).toBeVisible();
    await expectAccessible(page);
    const invitation = await db.invitationToken.findFirstOrThrow({
      where: { firmName: "Firm 1" },
      include: { response: true },
    });
    expect(invitation.response).toMatchObject({ status: "complete", firmIdentifier: "91220101MA0INV000" });
  });
});

test("the Jilin survey can be completed with the keyboard alone", async ({ page }) => {
  const tabTo = async (name: RegExp | string, role: "radio" | "checkbox" | "button" | "textbox") => {
    const target = page.getByRole(role, { name, exact: typeof name === "string" });
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${name}`);
  };
  await page.goto("/s/jilin-try");
  await tabTo("长春市", "radio");
  await page.keyboard.press("Space");
  await tabTo("商务及居民服务业", "radio");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "制造业" })).toBeChecked();
  await tabTo("贵企业现有从业人员数 (必答)", "textbox");
  await page.keyboard.type("9");
  await tabTo(/种子期/, "radio");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "宏观（国家）层面" })).toBeFocused();
  for (const option of ["风险投资环境", "本地人才供给不足", "激励机制不健全"]) {
    await tabTo(option, "checkbox");
    await page.keyboard.press("Space");
    await tabTo(/下一步|提交/, "button");
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("heading", { name: "感谢您的参与！" })).toBeVisible();
  const stored = await db.response.findFirstOrThrow({
    where: { survey: { slug: "jilin-try" }, status: "complete" },
    orderBy: { completedAt: "desc" },
  });
  expect(stored).toMatchObject({
    status: "complete",
    breakdowns: { region: "changchun", industry: "manufacturing", size_class: "micro", lifecycle_stage: "seed" },
  });
});
