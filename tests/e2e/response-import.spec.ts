// Importing responses in Chromium: a file with mistakes is checked and every problem is listed by
// row and column with nothing stored; the corrected file is checked, imported with its progress
// shown, and the survey then counts the imported responses.
import { expect, test } from "@playwright/test";
import { signIn } from "./researcher-session";

test.use({ locale: "en-US" });

const HEADER =
  "region,industry,employees,lifecycle_stage,macro_constraints,middle_constraints,micro_constraints,completed_at";
const csv = (...rows: string[]) => ({
  name: "wave-2017.csv",
  mimeType: "text/csv",
  buffer: Buffer.from([HEADER, ...rows].join("\n")),
});

test("a response file is checked, its problems listed by row and column, then imported", async ({ page }) => {
  await signIn(page.request);
  // A survey of its own, so the demo survey's figures stay as other tests expect them.
  const list = (await (await page.request.get("/api/v1/questionnaires")).json()) as {
    questionnaires: { id: string; code: string }[];
  };
  const jilin = list.questionnaires.find((q) => q.code === "jilin_small_micro")!;
  await page.goto(`/surveys/new?questionnaire=${jilin.id}&version=1`);
  await page.getByLabel("Address").fill("e2e-import");
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page).toHaveURL(/\/surveys\/e2e-import$/);
  await page.getByRole("link", { name: "Import responses (CSV, Excel)" }).click();

  await page
    .getByLabel("CSV or Excel file")
    .setInputFiles(
      csv(
        "changchun,manufacturing,7,seed,national_policy,none,none,2017-06-01",
        "atlantis,manufacturing,twelve,seed,national_policy,none,none,2017-06-31",
      ),
    );
  await page.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toContainText("3 problems");
  const rows = problems.getByRole("row");
  const cells = (value: string) => rows.filter({ hasText: value }).getByRole("cell");
  await expect(cells("atlantis")).toHaveText(["3", "region", "atlantis", /“atlantis” is not an option/]);
  await expect(cells("twelve")).toHaveText(["3", "employees", "twelve", "Not a number."]);
  await expect(cells("2017-06-31")).toHaveText(["3", "completed_at", "2017-06-31", /Not a date/]);
  await expect(page.getByRole("button", { name: "Import 2 responses" })).toBeDisabled();

  await page
    .getByLabel("CSV or Excel file")
    .setInputFiles(
      csv(
        "changchun,manufacturing,7,seed,national_policy,none,none,2017-06-01",
        "siping,services,12,growth,national_policy;ip_protection,none,dont_know,2017-06-02",
      ),
    );
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("No problems found: every row can be imported.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Imported as: completed_at" })).toHaveValue("field:completed_at");
  await page.getByRole("button", { name: "Import 2 responses" }).click();
  await expect(page.getByTestId("import-result")).toHaveText("2 responses imported (0 screened out).");

  await page.goto("/surveys/e2e-import");
  await expect(page.getByTestId("count-delivered")).toHaveText("2");
  await expect(page.getByTestId("collectors")).toContainText("Import: wave-2017.csv");
});
