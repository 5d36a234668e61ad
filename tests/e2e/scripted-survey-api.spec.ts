// Issue 12's "done when": a whole survey scripted over HTTP with an API token, without the UI:
// a token made once in a session, then import a questionnaire, publish, create a survey, invite
// firms, collect their answers, read them back, export them as CSV, revoke the token. Every JSON
// answer is checked against the schema /api/v1/openapi.json documents for it.
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { DEMO, signInAs } from "@/tests/fixtures/accounts";
import { downloadExport } from "@/tests/fixtures/export-job";
import { openApiAnswers } from "@/tests/fixtures/openapi-answers";
import { JILIN_ANSWERS } from "@/tests/fixtures/respondent-surveys";

test("a survey from questionnaire to export through the API alone", async ({ playwright, baseURL, request }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const checkAnswer = openApiAnswers(await (await anonymous.get("/api/v1/openapi.json")).json());
  /** The answer's JSON, after checking it against the document for `template`. */
  async function json(method: string, template: string, response: APIResponse, status: number) {
    const body = response.status() === 204 ? null : await response.json();
    expect(response.status(), JSON.stringify(body)).toBe(status);
    expect(checkAnswer(method, template, response.status(), body)).toBeNull();
    return body;
  }

  await signInAs(request, DEMO.researcher);
  const made = await json(
    "POST",
    "/api/v1/tokens",
    await request.post("/api/v1/tokens", { data: { name: "e2e script" } }),
    201,
  );
  const script: APIRequestContext = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${made.token}` },
  });
  const run = randomUUID().slice(0, 8);

  const list = await json("GET", "/api/v1/questionnaires", await script.get("/api/v1/questionnaires"), 200);
  const jilin = list.questionnaires.find((q: { code: string }) => q.code === "jilin_small_micro");
  const definition = await (await script.get(`/api/v1/questionnaires/${jilin.id}/definition`)).json();
  const imported = await json(
    "POST",
    "/api/v1/questionnaires",
    await script.post("/api/v1/questionnaires", { data: { ...definition, code: `scripted_${run}` } }),
    201,
  );
  const version = await json(
    "POST",
    "/api/v1/questionnaires/{id}/versions",
    await script.post(`/api/v1/questionnaires/${imported.id}/versions`),
    201,
  );
  const slug = `scripted-${run}`;
  const survey = await json(
    "POST",
    "/api/v1/surveys",
    await script.post("/api/v1/surveys", {
      data: { versionId: version.id, slug, titleEn: "Scripted", titleZh: "脚本调查", defaultLocale: "zh" },
    }),
    201,
  );
  expect(survey).toMatchObject({ slug, status: "open", version: { id: version.id } });

  const invited = await json(
    "POST",
    "/api/v1/surveys/{slug}/invitations",
    await script.post(`/api/v1/surveys/${slug}/invitations`, {
      data: {
        name: "Letters",
        csv: "firm_name,contact,firm_identifier\nChangchun Optics,li@example.cn,91A\nSiping Tools,,91B\n",
      },
    }),
    201,
  );
  expect(invited.invitations.map((i: { firmName: string }) => i.firmName)).toEqual([
    "Changchun Optics",
    "Siping Tools",
  ]);

  for (const [i, invitation] of invited.invitations.entries()) {
    await json(
      "POST",
      "/api/v1/surveys/{slug}/responses",
      await anonymous.post(`/api/v1/surveys/${slug}/responses`, {
        data: {
          submissionId: randomUUID(),
          locale: "zh",
          token: invitation.token,
          answers: { ...JILIN_ANSWERS, region: i === 0 ? "changchun" : "siping" },
        },
      }),
      201,
    );
  }

  const page = await json(
    "GET",
    "/api/v1/surveys/{slug}/responses",
    await script.get(`/api/v1/surveys/${slug}/responses`),
    200,
  );
  expect(page.items.map((r: { firmIdentifier: string }) => r.firmIdentifier)).toEqual(["91A", "91B"]);
  const one = await json(
    "GET",
    "/api/v1/responses/{id}",
    await script.get(`/api/v1/responses/${page.items[1].id}`),
    200,
  );
  expect(one).toMatchObject({ firmName: "Siping Tools", breakdowns: { region: "siping" } });
  const settings = await json(
    "GET",
    "/api/v1/surveys/{slug}/settings",
    await script.get(`/api/v1/surveys/${slug}/settings`),
    200,
  );
  expect(settings.counts).toEqual({ delivered: 2, valid: 2, screened: 0, partial: 0 });

  const exported = await downloadExport(script, `/api/v1/surveys/${slug}/export?format=csv&locale=en`);
  expect(exported.headers()["content-type"]).toContain("text/csv");
  const rows = Papa.parse<Record<string, string>>((await exported.text()).replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows).toHaveLength(2);

  await json("POST", "/api/v1/surveys/{slug}/close", await script.post(`/api/v1/surveys/${slug}/close`), 200);
  const tokens = await json("GET", "/api/v1/tokens", await script.get("/api/v1/tokens"), 200);
  expect(tokens.tokens.some((t: { id: string }) => t.id === made.apiToken.id)).toBe(true);
  await json("DELETE", "/api/v1/tokens/{id}", await script.delete(`/api/v1/tokens/${made.apiToken.id}`), 204);
  await json("GET", "/api/v1/surveys", await script.get("/api/v1/surveys"), 401);
});
