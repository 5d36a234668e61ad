// A researcher raises a survey's minimum completion time, then applies it to the responses already
// stored from the survey page: the faster one is screened out and the counts say so. A new
// survey's dashboard says why quick test answers are not counted, and lowering the minimum then
// applying it brings them back, in the audit log.
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

test("quick test answers to a new survey are screened with the reason on its dashboard; a lower minimum, applied, brings them back and is audited", async ({
  page,
}) => {
  await signIn(page.request, "owner@example.org");
  const list = (await (await page.request.get("/api/v1/questionnaires")).json()) as {
    questionnaires: { id: string; code: string }[];
  };
  const jilin = list.questionnaires.find((q) => q.code === "jilin_small_micro")!;
  await page.goto(`/surveys/new?questionnaire=${jilin.id}&version=1`);
  await page.getByLabel("Address").fill("e2e-quick-tests");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-quick-tests$/);
  // The researcher tries the new survey twice, each in half a minute.
  for (const region of ["changchun", "jilin"]) {
    const res = await page.request.post("/api/v1/surveys/e2e-quick-tests/responses", {
      data: {
        submissionId: crypto.randomUUID(),
        locale: "en",
        startedAt: new Date(Date.now() - 30_000).toISOString(),
        answers: {
          region,
          industry: "services",
          employees: 12,
          lifecycle_stage: "growth",
          macro_constraints: ["national_policy"],
          middle_constraints: ["none"],
          micro_constraints: ["none"],
        },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  // "Valid 0" comes with its reason and a way to the responses.
  await page.goto("/surveys/e2e-quick-tests/dashboard");
  await expect(page.getByTestId("count-valid")).toHaveText("0");
  const summary = page.getByTestId("screening-summary");
  await expect(summary.getByRole("heading")).toHaveText("2 responses were screened out of these figures");
  await expect(summary.getByTestId("screened-too_fast")).toHaveText("Too fast (under 120 s): 2");
  await summary.getByRole("link", { name: "Review the screened responses" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-quick-tests\/responses\?status=screened$/);
  await expect(page.getByTestId("response-total")).toHaveText("2 responses");

  // Lowering the minimum in the settings, then applying it to the responses already stored.
  await page.goto("/surveys/e2e-quick-tests");
  await page.getByLabel("Minimum completion time (seconds)").fill("10");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await expect(page.getByText("Apply the saved minimum (10 s) to the responses already stored")).toBeVisible();
  await page.getByRole("button", { name: "Apply to existing responses" }).click();
  await expect(page.getByTestId("rescreen-result")).toHaveText("0 responses screened out as too fast, 2 restored.");

  await page.goto("/surveys/e2e-quick-tests/dashboard");
  await expect(page.getByTestId("count-valid")).toHaveText("2");
  await expect(page.getByTestId("screening-summary")).toHaveCount(0);
  await expect(page.getByTestId("attention-macro-base")).toHaveText("n = 2");

  await page.goto("/organization/audit?action=responses.rescreened");
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("Minimum time applied to existing responses");
  await expect(row).toContainText("Demo owner");
  for (const detail of ["minCompletionSeconds: 10", "screened: 0", "restored: 2"])
    await expect(row).toContainText(detail);
});
