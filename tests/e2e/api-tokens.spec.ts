// A researcher creates an API token, sees it once, uses it like curl on the export endpoint,
// and revokes it; the API then refuses it.
import Papa from "papaparse";
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";
import { downloadExport } from "@/tests/fixtures/export-job";

test("create a token, use it for an export, revoke it", async ({ page, playwright, baseURL }) => {
  await signInAs(page.context().request, DEMO.researcher);
  await page.goto("/account/tokens");
  await page.getByLabel("名称").fill("");
  await page.getByRole("button", { name: "创建令牌" }).click();
  await expect(page.getByText("请为令牌命名，例如“R 脚本”。")).toBeVisible();
  await page.getByLabel("名称").fill("R scripts");
  await page.getByRole("button", { name: "创建令牌" }).click();
  const token = await page.getByTestId("new-api-token").inputValue();
  expect(token).toMatch(/^smet_[\w-]{43}$/);
  const row = page.getByTestId("api-token-row").filter({ hasText: "R scripts" });
  await expect(row.getByTestId("token-last-used")).toHaveText("从未使用");

  // Shown once: after a reload only the name is listed.
  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(token);

  const curl = await playwright.request.newContext({ baseURL }); // no cookies, like curl
  const bearer = { Authorization: `Bearer ${token}` };
  const exported = await downloadExport(curl, "/api/v1/surveys/jilin-2017/export?format=csv&locale=en", bearer);
  expect(exported.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(exported.headers()["content-disposition"]).toMatch(/attachment; filename="jilin-2017-responses-\d{8}\.csv"/);
  const lines = (await exported.text()).trimEnd().split("\r\n");
  expect(lines).toHaveLength(251);
  expect(lines[0]).toContain("Response ID,Status,Valid (1 = yes)");

  const xlsx = await downloadExport(curl, "/api/v1/surveys/jilin-2017/export?format=xlsx", bearer);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");

  await page.reload();
  await expect(row.getByTestId("token-last-used")).not.toHaveText("从未使用");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "撤销" }).click();
  await expect(row.getByTestId("token-status")).toContainText("已于");
  const refused = await curl.get("/api/v1/surveys/jilin-2017/export?format=csv", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "unauthorized" });
  await curl.dispose();
});

test("the export button on the survey page downloads the responses", async ({ page }) => {
  await signInAs(page.context().request, DEMO.researcher);
  await page.goto("/surveys/jilin-2017");
  const panel = page.getByRole("region", { name: "导出答卷" });
  await panel.getByLabel("文件格式").selectOption("csv");
  await panel.getByRole("button", { name: "导出" }).click();
  // The file is made in the background: the job shows its progress, then its link.
  const job = panel.getByTestId("data-job").first();
  await expect(job).toContainText("导出 CSV");
  const link = job.getByRole("link", { name: /^下载 jilin-2017-responses-\d{8}\.csv（[\d.]+ (千字节|kB)）$/ });
  await expect(job).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(job).toContainText("可下载至");
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^jilin-2017-responses-\d{8}\.csv$/);
  const file = await download.path();
  const { readFile } = await import("node:fs/promises");
  const lines = (await readFile(file, "utf8")).trimEnd().split("\r\n");
  expect(lines).toHaveLength(251);
  expect(lines[0].startsWith("\uFEFF答卷编号,状态")).toBe(true);
  // Values the platform writes read in Chinese too (the panel exports labels by default).
  const [headings, ...rows] = Papa.parse<string[]>((await readFile(file, "utf8")).slice(1).trimEnd(), {
    newline: "\r\n",
  }).data;
  const column = (name: string) => new Set(rows.map((r) => r[headings.indexOf(name)]));
  expect(column("状态")).toEqual(new Set(["已完成"]));
  expect(column("剔除规则")).toEqual(new Set(["", "作答过快", "重复企业", "未通过一致性检查"]));
  expect(column("收集渠道")).toEqual(new Set(["纸质"]));
  expect(column("语言")).toEqual(new Set(["中文", "英文"]));

  const response = await downloadExport(
    page.context().request,
    "/api/v1/surveys/jilin-2017/export?format=csv&locale=zh&values=labels",
  );
  const header = (await response.text()).split("\r\n")[0];
  expect(header.startsWith("\uFEFF答卷编号,状态")).toBe(true);
  const bad = await page.context().request.get("/api/v1/surveys/jilin-2017/export?format=pdf");
  expect(bad.status()).toBe(422);
  expect(await bad.json()).toMatchObject({
    error: "validation_failed",
    issues: [{ path: ["format"], message: "format 必须是 csv、xlsx、sav、dta、codebook 或 ddi。" }],
  });
});
