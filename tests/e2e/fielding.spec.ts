// Fielding the demo questionnaire: an invitation list with per-row errors and one-time links,
// a quota with its fill level, paper entry, and another organization's survey staying invisible.
import { expect, test } from "@playwright/test";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

test("invitation lists: bad rows are named, links are shown once and each answers once", async ({ page }) => {
  await signIn(page.request);
  await page.goto("/surveys/jilin-try");
  await page.getByLabel("Name of the list").fill("March mailing");
  await page
    .getByLabel("or paste the lines")
    .fill("firm_name,contact,firm_identifier\nAcme,a@x.cn,91A\n,b@x.cn,\nDelta,,91A\n");
  await expect(page.getByTestId("invitation-errors")).toHaveText(
    ["Line 3: the firm name is missing.", "Line 4: this firm identifier already appears on an earlier line."].join(""),
  );
  await expect(page.getByRole("button", { name: "Create personal links" })).toBeDisabled();
  await page.getByLabel("or paste the lines").fill("firm_name,contact\nAcme,a@x.cn\nBeta,b@x.cn\n");
  await expect(page.getByText("2 firms ready.")).toBeVisible();
  await page.getByRole("button", { name: "Create personal links" }).click();
  const links = page.getByTestId("invitation-links");
  await expect(links.getByText("cannot be shown again")).toBeVisible();
  const download = page.waitForEvent("download");
  await links.getByRole("button", { name: "Download links (CSV)" }).click();
  const csv = await (await download).createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  expect(csv).toMatch(
    /^\uFEFFfirm_name,contact,firm_identifier,link\r\nAcme,a@x.cn,,http:\/\/127\.0\.0\.1:\d+\/s\/jilin-try\?token=inv_/,
  );
  const link = (await links.locator("code").first().textContent())!;

  await page.reload();
  await expect(page.getByTestId("collectors")).toContainText("March mailing");
  await expect(page.getByTestId("collectors")).toContainText("0 of 2");
  const firm = await page.context().browser()!.newContext({ locale: "en-US" });
  const res = await firm.request.post("/api/v1/surveys/jilin-try/responses", {
    data: {
      submissionId: crypto.randomUUID(),
      locale: "en",
      token: new URL(link).searchParams.get("token"),
      answers: {
        region: "changchun",
        industry: "services",
        employees: 8,
        lifecycle_stage: "growth",
        macro_constraints: ["none"],
        middle_constraints: ["none"],
        micro_constraints: ["none"],
      },
    },
  });
  expect(res.status()).toBe(201);
  await firm.close();
  await page.reload();
  await expect(page.getByTestId("collectors")).toContainText("1 of 2");
});

test("a quota shows how full it is", async ({ page }) => {
  await signIn(page.request);
  await page.goto("/surveys/jilin-try");
  await page.getByLabel("Breakdown question").selectOption({ label: "Where is your firm located?" });
  await page.getByLabel("Answer", { exact: true }).selectOption({ label: "Siping" });
  await page.getByLabel("At most").fill("60");
  await page.getByRole("button", { name: "Set quota" }).click();
  await expect(page.getByText("Quota saved.")).toBeVisible();
  const fill = page.getByTestId("quota-siping");
  await expect(fill).toHaveText(/^\d+ of 60$/);
  const filled = Number((await fill.textContent())!.split(" ")[0]);
  expect(filled).toBeGreaterThan(0);
  await expect(page.getByRole("meter", { name: /Siping/ })).toHaveAttribute("aria-valuenow", String(filled));
});

test("paper entry stores a questionnaire marked as paper", async ({ page }) => {
  await signIn(page.request);
  await page.goto("/surveys/jilin-try/paper");
  await page
    .getByRole("group", { name: "Language of the paper questionnaire" })
    .getByRole("button", { name: "English" })
    .click();
  await page.getByLabel("Changchun").check();
  await page.getByLabel("Manufacturing").check();
  await page.getByLabel(/How many people/).fill("7");
  await page.getByLabel(/^Seed/).check();
  await page.getByRole("button", { name: "Next" }).click();
  for (let i = 0; i < 3; i++) {
    await page.getByLabel("None of these").check();
    await page.getByRole("button", { name: i < 2 ? "Next" : "Submit" }).click();
  }
  await expect(page.getByTestId("paper-stored")).toContainText("1 questionnaire stored");
  await page.getByRole("link", { name: "Open the last one" }).click();
  await expect(page.getByText("Paper · Paper questionnaires 2017")).toBeVisible();
  await expect(page.getByText("Manufacturing", { exact: true })).toBeVisible();
});

test("a viewer can read the survey but neither design nor publish", async ({ page, request }) => {
  await signIn(request);
  const id = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires[0].id;
  await signIn(page.request, "viewer@example.org");
  expect((await page.goto("/questionnaires"))!.status()).toBe(404);
  await page.goto("/surveys/jilin-try");
  // 226 demo responses, plus any the other tests of this file added.
  expect(Number(await page.getByTestId("count-valid").textContent())).toBeGreaterThanOrEqual(226);
  await expect(page.getByText("Invitation list")).toHaveCount(0);
  // Like the page, the API does not list questionnaires to a viewer.
  const list = await page.request.get("/api/v1/questionnaires");
  expect(list.status()).toBe(403);
  expect(await list.json()).toMatchObject({ error: "forbidden" });
  const publish = await page.request.post(`/api/v1/questionnaires/${id}/versions`);
  expect(publish.status()).toBe(404);
  expect(await publish.json()).toMatchObject({ error: "not_found" });
});
