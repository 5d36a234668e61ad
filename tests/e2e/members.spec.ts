// An owner manages the demo organization's members in Chromium: invites someone who joins through
// the link, changes their role, is stopped from demoting the last owner, and removes them.
import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";

let db: Db;
test.beforeAll(() => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
});
test.afterAll(() => db.$disconnect());

test("invite, join through the link, change the role, protect the last owner, remove", async ({ page, browser }) => {
  const email = `li.wei.${Date.now()}@example.org`;
  await signInAs(page.context().request, DEMO.owner);
  await page.goto("/organization");
  const invite = page.getByRole("region", { name: "邀请成员" });
  await invite.getByLabel("电子邮箱").fill("not-an-address");
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  await expect(invite.getByText("电子邮箱格式不正确。")).toBeVisible();

  await invite.getByLabel("电子邮箱").fill(email);
  await invite.getByLabel("角色").selectOption("researcher");
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitations\/[\w-]{43}$/);
  await expect(page.getByTestId("pending-invitation").filter({ hasText: email })).toBeVisible();

  // The invitee, in their own browser, sets a name and password and lands in the organization.
  const invitee = await browser.newContext({ locale: "zh-CN" });
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { level: 1 })).toHaveText("加入Jilin SME innovation study (demo)");
  await inviteePage.getByLabel("您的姓名").fill("李伟");
  await inviteePage.getByLabel("设置密码").fill("short");
  await inviteePage.getByRole("button", { name: "创建账号并加入" }).click();
  await expect(inviteePage.getByText("密码至少需要 10 个字符。")).toBeVisible();
  await inviteePage.getByLabel("设置密码").fill("a-long-enough-password");
  await inviteePage.getByRole("button", { name: "创建账号并加入" }).click();
  await expect(inviteePage).toHaveURL(/\/organization$/);
  await expect(inviteePage.getByTestId("signed-in-user")).toHaveText("李伟");
  await expect(inviteePage.getByTestId("member-row").filter({ hasText: email })).toContainText("研究员");
  // The link works once.
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("main").getByRole("alert")).toHaveText("该邀请已被使用。");

  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await row.getByRole("combobox").selectOption("viewer");
  await row.getByRole("button", { name: "更改角色" }).click();
  await expect(row.getByRole("combobox")).toHaveValue("viewer");
  await expect.poll(async () => (await db.membership.findFirst({ where: { user: { email } } }))?.role).toBe("viewer");

  const ownRow = page.getByTestId("member-row").filter({ hasText: DEMO.owner });
  await ownRow.getByRole("combobox").selectOption("researcher");
  await ownRow.getByRole("button", { name: "更改角色" }).click();
  await expect(ownRow.getByRole("alert")).toHaveText("机构至少需要一名所有者：请先将其他成员设为所有者。");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "移除" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);
  // The removed member loses access at their next request: with no organization left, they are
  // offered to create one.
  await inviteePage.goto("/organization");
  await expect(inviteePage).toHaveURL(/\/organizations\/new$/);
  await expect(inviteePage.getByText("您尚未加入任何机构。")).toBeVisible();
  await invitee.close();

  await page.goto("/organization/audit?action=member.removed");
  await expect(page.getByTestId("audit-row").first()).toContainText(email);
  await page.goto("/organization/audit?action=member.joined");
  await expect(page.getByTestId("audit-row").first()).toContainText("李伟");
});

test("non-owners see the members but cannot manage them or read the audit log", async ({ page }) => {
  await signInAs(page.context().request, DEMO.researcher);
  await page.goto("/organization");
  await expect(page.getByTestId("member-row").filter({ hasText: DEMO.owner })).toContainText("所有者");
  await expect(page.getByRole("button", { name: "移除" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "邀请成员" })).toHaveCount(0);
  const audit = await page.goto("/organization/audit");
  expect(audit?.status()).toBe(404);
});
