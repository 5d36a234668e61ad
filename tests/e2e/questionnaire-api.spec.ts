// The questionnaire API (DESIGN.md §5) with a signed-in researcher: import, export, publish,
// and the refusals a client must be able to act on.
import { expect, test } from "@playwright/test";
import { signIn } from "./researcher-session";

test.describe("questionnaire API", () => {
  test.beforeEach(async ({ request }) => signIn(request));

  test("the three templates round-trip through export and import unchanged", async ({ request }) => {
    const list = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires as {
      id: string;
      code: string;
    }[];
    for (const code of ["jilin_small_micro", "cis_hampering", "wbes_obstacles"]) {
      const id = list.find((q) => q.code === code)!.id;
      const exported = await request.get(`/api/v1/questionnaires/${id}/definition`);
      expect(exported.headers()["content-disposition"]).toContain(`${code}-draft.json`);
      const definition = await exported.json();
      const imported = await request.post("/api/v1/questionnaires", { data: { ...definition, code: `${code}_rt` } });
      expect(imported.status()).toBe(201);
      const created = await imported.json();
      expect(created.code).toBe(`${code}_rt`);
      const back = await (await request.get(`/api/v1/questionnaires/${created.id}`)).json();
      expect({ ...back.draft, code }).toEqual(definition);
      expect(back.versions).toEqual([]);
    }
  });

  test("a malformed document is refused with the path of each problem, and nothing is stored", async ({ request }) => {
    const definition = await (
      await request.get(`/api/v1/questionnaires/${await idOf(request, "cis_hampering")}/definition`)
    ).json();
    definition.code = "Bad Code";
    definition.sections[0].questions[0].options[1].factor = "no_such_factor";
    delete definition.sections[1].questions[0].rows;
    const res = await request.post("/api/v1/questionnaires", { data: definition });
    expect(res.status()).toBe(422);
    const body = await res.json();
    expect(body.error).toBe("validation_failed");
    const paths = body.issues.map((i: { path: (string | number)[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["code", "sections.1.questions.0.rows"]));
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(/);
    const list = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires;
    expect(list.some((q: { code: string }) => q.code === "Bad Code")).toBe(false);

    const notJson = await request.post("/api/v1/questionnaires", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status()).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: "invalid_json" });
  });

  test("an existing code answers 409; publishing returns the next version", async ({ request }) => {
    const id = await idOf(request, "wbes_obstacles");
    const definition = await (await request.get(`/api/v1/questionnaires/${id}/definition`)).json();
    const again = await request.post("/api/v1/questionnaires", { data: definition });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ error: "code_taken" });

    const first = await request.post(`/api/v1/questionnaires/${id}/versions`);
    expect(first.status()).toBe(201);
    const second = await request.post(`/api/v1/questionnaires/${id}/versions`);
    expect((await second.json()).version).toBe((await first.json()).version + 1);
    const v1 = await request.get(`/api/v1/questionnaires/${id}/definition?version=1`);
    expect((await v1.json()).code).toBe("wbes_obstacles");
  });

  test("anonymous callers get 401 and unknown ids 404, as JSON", async ({ request, browser }) => {
    const missing = await request.get("/api/v1/questionnaires/00000000-0000-4000-8000-000000000000");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    const anonymous = await browser.newContext();
    const res = await anonymous.request.post("/api/v1/questionnaires", { data: {} });
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error: "unauthorized" });
    await anonymous.close();
  });
});

async function idOf(request: import("@playwright/test").APIRequestContext, code: string): Promise<string> {
  const list = (await (await request.get("/api/v1/questionnaires")).json()).questionnaires as {
    id: string;
    code: string;
  }[];
  return list.find((q) => q.code === code)!.id;
}
