// A researcher filters the dashboard to Changchun, downloads the valid responses as an SPSS file
// from the dashboard's export form, and gets exactly the firms the dashboard counts, labelled;
// a filter the survey does not have is refused with a specific message.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";
import { SavBufferReader } from "@/tests/fixtures/sav-reader";

test.use({ locale: "en-US" });

test("download a filtered .sav from the dashboard", async ({ page }) => {
  await signInAs(page.context().request, DEMO.researcher);
  await page.goto("/surveys/jilin-2017/dashboard?region=changchun");
  const panel = page.getByRole("region", { name: "Export responses" });
  await expect(page.getByTestId("export-filter")).toContainText("Changchun");
  await panel.getByLabel("File format").selectOption("sav");
  await panel.getByLabel("Responses").selectOption("valid");
  await panel.getByLabel("Headings and labels in").selectOption("en");
  await panel.getByRole("button", { name: "Export" }).click();
  const job = panel.getByTestId("data-job").first();
  await expect(job).toContainText("Export SAV");
  await expect(job).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(job.getByRole("progressbar")).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    job.getByRole("link", { name: /^Download jilin-2017-responses-\d{8}\.sav \([\d.]+ kB\)$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^jilin-2017-responses-\d{8}\.sav$/);
  const file = await download.path();

  const attention = await (
    await page.context().request.get("/api/v1/surveys/jilin-2017/results/attention?level=macro&region=changchun")
  ).json();
  const reader = new SavBufferReader(fs.readFileSync(file));
  await reader.open();
  expect(reader.meta.header.n_cases).toBe(attention.base);
  const rows = await reader.readAllRows();
  const changchun = reader.meta.valueLabels
    .find((l) => l.appliesToNames?.includes("region"))!
    .entries.find((e) => e.label === "Changchun")!.val;
  expect(rows.every((r) => r.region === changchun && r.valid === 1)).toBe(true);
  const policy = attention.factors.find((f: { code: string }) => f.code === "national_policy");
  expect(rows.filter((r) => r.macro_constraints_national_policy === 1)).toHaveLength(policy.count);
});

test("an unknown filter or format is refused with what is wrong", async ({ page }) => {
  await signInAs(page.context().request, DEMO.researcher);
  const request = page.context().request;
  const region = await request.get("/api/v1/surveys/jilin-2017/export?format=sav&region=atlantis");
  expect(region.status()).toBe(422);
  expect(await region.json()).toMatchObject({
    error: "validation_failed",
    issues: [{ path: ["region"], message: '"atlantis" is not a value of region' }],
  });
  const responses = await request.get("/api/v1/surveys/jilin-2017/export?format=dta&responses=some");
  expect(responses.status()).toBe(422);
  expect((await responses.json()).issues[0].path).toEqual(["responses"]);
});
