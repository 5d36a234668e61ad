// Each factor over its own base, in Chromium: on a World Bank obstacles survey where two firms
// answered "don't know" or "does not apply" for access to finance, the middle chart's heading
// counts every firm, the access-to-finance bar says its own n, and the note says why.
import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { wbesObstaclesTemplate } from "@/lib/questionnaire/templates/wbes-obstacles";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";

const wbes = QuestionnaireDefinitionSchema.parse(wbesObstaclesTemplate);
let db: Db;
let slug: string;

test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  const { survey } = await createEngineSurvey(db, wbes);
  await db.survey.update({
    where: { id: survey.id },
    data: { publicDashboard: true, disclosureMethod: "suppress_only" },
  });
  slug = survey.slug;
  // 30 firms; access to finance: 12 rate it major or very severe, 16 lower, 1 don't know, 1 does not apply:
  // 12 / 28 = 42.9 %.
  const finance = [...Array<number>(12).fill(4), ...Array<number>(16).fill(1), 5, 6];
  const matrix = wbes.sections[1].questions[0];
  if (matrix.type !== "matrix") throw new Error("the WBES obstacles are a matrix");
  for (const [i, rating] of finance.entries())
    await addResponse(db, survey, wbes, {
      answers: {
        industry: "retail",
        size_band: "employees_5_19",
        obstacle_ratings: Object.fromEntries(
          matrix.rows.map((r) => [r.code, r.code === "access_to_finance" ? rating : i % 2 ? 3 : 0]),
        ),
        biggest_obstacle: "no_obstacle",
      },
    });
});
test.afterAll(() => db.$disconnect());

test.use({ locale: "en-US" });

test("a bar whose own base differs from the level's says its n", async ({ page }) => {
  await page.goto(`/surveys/${slug}/dashboard`);
  const middle = page.getByTestId("chart-attention-middle");
  await expect(middle).toContainText("n = 30");
  await expect(middle).toContainText("42.9% (12) · n = 28");
  await expect(middle).toContainText(
    "A bar marked “n = …” counts over the firms that answered that item substantively",
  );
  // Obstacles every firm rated carry no mark: 15 of 30 rated each "major".
  await expect(middle).toContainText("50.0% (15)");
  await expect(middle).not.toContainText("(15) · n =");
});
