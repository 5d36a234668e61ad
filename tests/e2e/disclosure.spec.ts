// Disclosure control in Chromium: a researcher switches a public survey from cell key perturbation
// to suppression only in its settings, and the anonymous dashboard's method note follows; bad
// values are refused with the field's message and nothing changes.
import { expect, test } from "@playwright/test";
import { createDbClient, type Db } from "@/lib/db/create-client";
import { QuestionnaireDefinitionSchema } from "@/lib/questionnaire/definition-schema";
import { TEMPLATES } from "@/lib/questionnaire/templates";
import { addResponse, createEngineSurvey } from "@/tests/fixtures/engine-surveys";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";
import { signIn } from "./researcher-session";

const jilin = QuestionnaireDefinitionSchema.parse(
  TEMPLATES.find((t) => t.definition.code === "jilin_small_micro")!.definition,
);
let db: Db;
let slug: string;

test.beforeAll(async () => {
  db = createDbClient(process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL!, 2);
  const { org, survey } = await createEngineSurvey(db, jilin);
  await db.survey.update({ where: { id: survey.id }, data: { publicDashboard: true } });
  const researcher = await db.user.findUniqueOrThrow({ where: { email: "researcher@example.org" } });
  await db.membership.create({ data: { userId: researcher.id, organizationId: org.id, role: "researcher" } });
  for (let i = 0; i < 30; i++) await addResponse(db, survey, jilin, { answers: JILIN_ANSWERS });
  slug = survey.slug;
});
test.afterAll(() => db.$disconnect());

test.use({ locale: "en-US" });

test("a researcher turns perturbation off for a closed team, and the public note says so", async ({
  page,
  browser,
}) => {
  const visitor = await browser.newPage({ locale: "en-US" });
  await visitor.goto(`/surveys/${slug}/dashboard`);
  await expect(visitor.getByTestId("access-note")).toContainText("slightly perturbed");

  await signIn(page.request);
  await page.goto(`/surveys/${slug}`);
  const method = page.getByLabel("Method", { exact: true });
  await expect(method).toHaveValue("perturb");
  await page.getByLabel("Largest noise (D)").fill("9");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("The number is too large.")).toBeVisible();
  expect((await db.survey.findUniqueOrThrow({ where: { slug } })).perturbationBound).toBe(2);

  await page.getByLabel("Largest noise (D)").fill("3");
  await method.selectOption("suppress_only");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  const stored = await db.survey.findUniqueOrThrow({ where: { slug } });
  expect([stored.disclosureMethod, stored.perturbationBound]).toEqual(["suppress_only", 3]);

  await visitor.reload();
  await expect(visitor.getByTestId("access-note")).toContainText("exact counts");
  await expect(visitor.getByTestId("attention-macro-base")).toHaveText("n = 30");
  await visitor.close();
});
