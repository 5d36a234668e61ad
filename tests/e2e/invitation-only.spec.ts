// Closing a survey's open link makes it invitation-only: anonymous answers are refused, personal
// invitation links still work, and reopening the link lets everyone answer again.
import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

let db: Db;
test.beforeAll(() => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
});
// Other specs answer the demo survey through its open link: leave it open whatever happens here.
test.afterAll(async () => {
  await db.collector.updateMany({ where: { survey: { slug: "jilin-try" }, kind: "link" }, data: { closedAt: null } });
  await db.$disconnect();
});

const answers = {
  region: "siping",
  industry: "services",
  employees: 12,
  lifecycle_stage: "growth",
  macro_constraints: ["national_policy"],
  middle_constraints: ["none"],
  micro_constraints: ["marketing_mix"],
};

test("a researcher closes the open link; anonymous answers are refused until it reopens", async ({ page, browser }) => {
  await signIn(page.request);
  await page.goto("/surveys/jilin-try");
  const linkStatus = page.getByTestId("collector-status-link");
  await expect(linkStatus).toContainText("Taking responses");
  await linkStatus.getByRole("button", { name: "Close the open link" }).click();
  await expect(linkStatus).toContainText("Closed");
  await expect(page.getByTestId("invite-only")).toBeVisible();

  const firm = await browser.newContext({ locale: "en-US" });
  const before = await db.response.count({ where: { survey: { slug: "jilin-try" } } });
  const refused = await firm.request.post("/api/v1/surveys/jilin-try/responses", {
    data: { submissionId: crypto.randomUUID(), locale: "en", answers },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error).toBeTruthy();
  expect(await db.response.count({ where: { survey: { slug: "jilin-try" } } })).toBe(before);
  const firmPage = await firm.newPage();
  await firmPage.goto("/s/jilin-try");
  await expect(firmPage.getByText("This survey is by invitation")).toBeVisible();
  await expect(firmPage.getByText("Please open the personal link from your invitation.")).toBeVisible();

  await linkStatus.getByRole("button", { name: "Reopen the open link" }).click();
  await expect(linkStatus).toContainText("Taking responses");
  const accepted = await firm.request.post("/api/v1/surveys/jilin-try/responses", {
    data: { submissionId: crypto.randomUUID(), locale: "en", answers },
  });
  expect(accepted.status()).toBe(201);
  await firm.close();
  const events = await db.auditEvent.findMany({
    where: { action: { in: ["collector.closed", "collector.reopened"] } },
  });
  expect(events.map((e) => e.action).sort()).toEqual(["collector.closed", "collector.reopened"]);
});
