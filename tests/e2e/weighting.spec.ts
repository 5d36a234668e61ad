// A researcher weights a survey in Chromium: targets typed as CSV on the weighting page (first
// with a mistake, shown by row and column), the weights computed in the background, and the
// dashboard then showing the weighted share beside the unweighted one, with the design effect.
import { expect, test } from "@playwright/test";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

const HEADER =
  "region,industry,employees,lifecycle_stage,macro_constraints,middle_constraints,micro_constraints,completed_at";
// Three Changchun firms (two name national policy), three Siping firms (one does).
const ROWS = [
  "changchun,manufacturing,5,seed,national_policy,none,none,2017-06-01",
  "changchun,manufacturing,50,seed,national_policy,none,none,2017-06-01",
  "changchun,services,5,growth,none,none,none,2017-06-02",
  "siping,services,50,growth,national_policy,none,none,2017-06-02",
  "siping,manufacturing,5,seed,none,none,none,2017-06-03",
  "siping,services,5,growth,none,none,none,2017-06-03",
];

test("targets given on the weighting page weight the dashboard's shares", async ({ page }) => {
  await signIn(page.request);
  const list = (await (await page.request.get("/api/v1/questionnaires")).json()) as {
    questionnaires: { id: string; code: string }[];
  };
  const jilin = list.questionnaires.find((q) => q.code === "jilin_small_micro")!;
  await page.goto(`/surveys/new?questionnaire=${jilin.id}&version=1`);
  await page.getByLabel("Address").fill("e2e-weighted");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-weighted$/);
  const imported = await page.request.post("/api/v1/surveys/e2e-weighted/imports", {
    multipart: {
      file: { name: "six.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...ROWS].join("\n")) },
      dryRun: "false",
    },
  });
  expect(imported.status()).toBe(202);
  const job = await imported.json();
  await expect.poll(async () => (await (await page.request.get(job.url)).json()).status).toBe("done");

  await page.getByRole("link", { name: "Weighting (population targets)" }).click();
  await expect(page.getByRole("heading", { name: "Weighting" })).toBeVisible();
  await page.getByLabel("Method").selectOption("rake");
  const csv = page.getByLabel("Targets (CSV)");
  // A template of the chosen breakdowns' categories, filled in as a table.
  await page.getByRole("checkbox", { name: /industry$/ }).uncheck();
  await page.getByRole("button", { name: "Fill in a template of this survey's cells" }).click();
  await expect(csv).toHaveValue(/^variable,value,total\nregion,changchun,\nregion,jilin,\n/);
  await page.getByLabel("total: region, changchun").fill("600");
  await expect(csv).toHaveValue(/^variable,value,total\nregion,changchun,600\nregion,jilin,\n/);
  await csv.fill("variable,value,total\nregion,changchun,600\nregion,atlantis,400");
  await page.getByRole("button", { name: "Save and compute weights" }).click();
  const problems = page.getByTestId("weighting-problems");
  await expect(problems).toContainText("1 problem: nothing was saved.");
  await expect(problems.getByRole("row").filter({ hasText: "atlantis" }).getByRole("cell")).toHaveText([
    "3",
    "region",
    "atlantis",
    /^Not a value of region/,
  ]);

  await csv.fill("variable,value,total\nregion,changchun,600\nregion,siping,400");
  await page.getByRole("button", { name: "Save and compute weights" }).click();
  const status = page.getByTestId("weighting-status");
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(status).toContainText("for 6 valid responses");
  // Weights 200 (Changchun) and 133.3 (Siping): n_eff = 1000² / (3·200² + 3·133.3²) = 5.77, deff 1.04.
  await expect(page.getByTestId("weighting-figures")).toHaveText(
    "Design effect 1.04, effective sample size 5.8. 1 raking pass.",
  );

  await page.goto("/surveys/e2e-weighted/dashboard");
  await expect(page.getByTestId("attention-macro-weighting")).toContainText(
    "weighted base ≈ 1000 firms, effective n = 5.8, design effect 1.04",
  );
  const macro = page.getByTestId("chart-attention-macro");
  await expect(page.getByTestId("attention-macro-legend").getByRole("listitem")).toHaveText(["unweighted", "weighted"]);
  await macro.getByText("Show the numbers as a table").click();
  const policy = macro.getByRole("row").filter({ hasText: "Support from national preferential policies" });
  // Unweighted 3 of 6 = 50.0 %; weighted (2·200 + 133.3) / 1000 = 53.3 %.
  await expect(policy.getByRole("cell").nth(0)).toHaveText("50.0%");
  await expect(policy.getByRole("cell").nth(3)).toHaveText("53.3%");
});
