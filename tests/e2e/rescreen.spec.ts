// A researcher raises a survey's minimum completion time, then applies it to the responses already
// stored from the survey page: the faster one is screened out and the counts say so.
import { expect, test } from "@playwright/test";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

const HEADER =
  "region,industry,employees,lifecycle_stage,macro_constraints,middle_constraints,micro_constraints,completed_at,duration_seconds";

test("the minimum completion time is applied to existing responses on request", async ({ page }) => {
  await signIn(page.request);
  const list = (await (await page.request.get("/api/v1/questionnaires")).json()) as {
    questionnaires: { id: string; code: string }[];
  };
  const jilin = list.questionnaires.find((q) => q.code === "jilin_small_micro")!;
  await page.goto(`/surveys/new?questionnaire=${jilin.id}&version=1`);
  await page.getByLabel("Address").fill("e2e-rescreen");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-rescreen$/);
  const rows = [
    "changchun,manufacturing,5,seed,national_policy,none,none,2017-06-01,40",
    "siping,services,50,growth,national_policy,none,none,2017-06-02,600",
  ];
  const imported = await page.request.post("/api/v1/surveys/e2e-rescreen/imports", {
    multipart: {
      file: { name: "two.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\n")) },
      dryRun: "false",
    },
  });
  expect(imported.status()).toBe(202);
  const job = await imported.json();
  await expect.poll(async () => (await (await page.request.get(job.url)).json()).status).toBe("done");
  const patched = await page.request.patch("/api/v1/surveys/e2e-rescreen/settings", {
    data: { minCompletionSeconds: 120 },
  });
  expect(patched.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("count-valid")).toHaveText("2");
  await page.getByRole("button", { name: "Apply to existing responses" }).click();
  await expect(page.getByTestId("rescreen-result")).toHaveText("1 response screened out as too fast, 0 restored.");
  await page.reload();
  await expect(page.getByTestId("count-valid")).toHaveText("1");
});
