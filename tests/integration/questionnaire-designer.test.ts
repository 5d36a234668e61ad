// Designing and publishing questionnaires against a real PostgreSQL: templates, the factor
// library, publishing N → N+1 with immutable versions, drafts saved with conflict detection.
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/actor";
import { QuestionnaireDefinitionSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { createBlank, createFromTemplate } from "@/lib/questionnaire/create-from-template";
import { createQuestionnaire } from "@/lib/questionnaire/create-questionnaire";
import { diffDefinitions } from "@/lib/questionnaire/diff-versions";
import { listFactors, saveFactor } from "@/lib/questionnaire/factor-library";
import { getQuestionnaire, getVersionDefinition } from "@/lib/questionnaire/get-questionnaire";
import { listQuestionnaires } from "@/lib/questionnaire/list-questionnaires";
import { publishQuestionnaire } from "@/lib/questionnaire/publish-questionnaire";
import { DraftInvalidError } from "@/lib/questionnaire/publish-version";
import { DraftConflictError, QuestionnaireCodeTakenError } from "@/lib/questionnaire/questionnaire-errors";
import { saveDraft } from "@/lib/questionnaire/save-draft";
import { TEMPLATES } from "@/lib/questionnaire/templates";

let db: Db;
let orgA: string;
let orgB: string;
let researcher: Actor;
let viewer: Actor;
let outsider: Actor;

async function user(email: string, organizationId: string, role: "researcher" | "viewer"): Promise<Actor> {
  const u = await db.user.create({ data: { email, name: email, memberships: { create: { organizationId, role } } } });
  return { userId: u.id, via: "session", memberships: [{ organizationId, role }] };
}

beforeAll(async () => {
  db = createDbClient(process.env.DATABASE_URL!, 3);
  orgA = (await db.organization.create({ data: { slug: "team-a", name: "Team A" } })).id;
  orgB = (await db.organization.create({ data: { slug: "team-b", name: "Team B" } })).id;
  researcher = await user("r@a.org", orgA, "researcher");
  viewer = await user("v@a.org", orgA, "viewer");
  outsider = await user("r@b.org", orgB, "researcher");
  return () => db.$disconnect();
});

describe("creating questionnaires", () => {
  it("copies a template under a chosen code, fills the factor library and records the event", async () => {
    const created = await createFromTemplate({
      db,
      organizationId: orgA,
      actorId: researcher.userId,
      templateCode: "jilin_small_micro",
      code: "jilin_2024",
    });
    expect(created).toMatchObject({ code: "jilin_2024" });
    const found = await getQuestionnaire({ db, actor: researcher, id: created!.id });
    const template = QuestionnaireDefinitionSchema.parse(TEMPLATES[0].definition);
    expect(found!.draft).toEqual({ ...template, code: "jilin_2024" });
    const library = await listFactors({ db, actor: researcher, organizationId: orgA });
    expect(library.map((f) => f.code).sort()).toEqual(template.factors.map((f) => f.code).sort());
    const events = await db.auditEvent.findMany({ where: { organizationId: orgA, targetId: created!.id } });
    expect(events).toMatchObject([
      { action: "questionnaire.imported", actorId: researcher.userId, data: { source: "template" } },
    ]);
  });

  it("refuses a second questionnaire with the same code in the organization, but not in another one", async () => {
    const definition = QuestionnaireDefinitionSchema.parse({ ...TEMPLATES[1].definition, code: "cis_copy" });
    await createQuestionnaire({ db, organizationId: orgA, actorId: researcher.userId, definition, source: "import" });
    await expect(
      createQuestionnaire({ db, organizationId: orgA, actorId: researcher.userId, definition, source: "import" }),
    ).rejects.toBeInstanceOf(QuestionnaireCodeTakenError);
    await expect(
      createQuestionnaire({ db, organizationId: orgB, actorId: outsider.userId, definition, source: "import" }),
    ).resolves.toMatchObject({
      code: "cis_copy",
    });
    expect(await db.questionnaire.count({ where: { code: "cis_copy" } })).toBe(2);
  });

  it("lists only the actor's organization's questionnaires", async () => {
    expect((await listQuestionnaires({ db, actor: outsider })).map((q) => q.code)).toEqual(["cis_copy"]);
    expect((await listQuestionnaires({ db, actor: researcher })).map((q) => q.code).sort()).toEqual([
      "cis_copy",
      "jilin_2024",
    ]);
  });

  it("every template round-trips through export and import unchanged", async () => {
    for (const template of TEMPLATES) {
      const original = QuestionnaireDefinitionSchema.parse(template.definition);
      const first = await createQuestionnaire({
        db,
        organizationId: orgB,
        actorId: outsider.userId,
        definition: original,
        source: "import",
      });
      const exported = JSON.parse(
        JSON.stringify((await getQuestionnaire({ db, actor: outsider, id: first.id }))!.draft),
      );
      const reparsed = QuestionnaireDefinitionSchema.parse({ ...exported, code: `${template.code}_again` });
      const second = await createQuestionnaire({
        db,
        organizationId: orgB,
        actorId: outsider.userId,
        definition: reparsed,
        source: "import",
      });
      const back = (await getQuestionnaire({ db, actor: outsider, id: second.id }))!.draft;
      expect({ ...back, code: template.code }).toEqual(original);
    }
  });
});

describe("publishing", () => {
  let id: string;
  let v1: QuestionnaireDefinition;

  beforeAll(async () => {
    id = (await createFromTemplate({
      db,
      organizationId: orgA,
      actorId: researcher.userId,
      templateCode: "wbes_obstacles",
      code: "wbes_pub",
    }))!.id;
  });

  it("freezes the draft as version 1, then version 2 after edits, leaving version 1 as it was", async () => {
    const first = await publishQuestionnaire({ db, actor: researcher, id });
    expect(first!.number).toBe(1);
    v1 = (await getVersionDefinition({ db, actor: researcher, questionnaireId: id, number: 1 }))!.definition;

    const found = (await getQuestionnaire({ db, actor: researcher, id }))!;
    const edited = structuredClone(found.draft);
    edited.title = { zh: "新标题", en: "New title" };
    edited.sections[0].questions.splice(0, 1);
    await saveDraft({ db, actor: researcher, id, draft: edited, expectedUpdatedAt: found.updatedAt });
    const second = await publishQuestionnaire({ db, actor: researcher, id });
    expect(second!.number).toBe(2);

    expect((await getVersionDefinition({ db, actor: researcher, questionnaireId: id, number: 1 }))!.definition).toEqual(
      v1,
    );
    const v2 = (await getVersionDefinition({ db, actor: researcher, questionnaireId: id, number: 2 }))!.definition;
    expect(diffDefinitions(v1, v2)).toEqual([
      { kind: "changed", target: "questionnaire", code: "wbes_pub", fields: ["title"] },
      { kind: "removed", target: "question", code: "industry", parent: undefined },
    ]);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "questionnaire.published" } })).toBe(2);
  });

  it("the database refuses to change a published version", async () => {
    await expect(
      db.$executeRaw`UPDATE questionnaire_version SET definition = '{}'::jsonb WHERE questionnaire_id = ${id}::uuid AND number = 1`,
    ).rejects.toThrow(/published and cannot be changed/);
    expect((await getVersionDefinition({ db, actor: researcher, questionnaireId: id, number: 1 }))!.definition).toEqual(
      v1,
    );
  });

  it("refuses an invalid draft with the issues and stores no version", async () => {
    const blank = await createBlank({
      db,
      organizationId: orgA,
      actorId: researcher.userId,
      code: "blank_one",
      title: { en: "Blank" },
    });
    const error = await publishQuestionnaire({ db, actor: researcher, id: blank.id }).catch((e) => e);
    expect(error).toBeInstanceOf(DraftInvalidError);
    expect((error as DraftInvalidError).issues.map((i) => i.path.join("."))).toContain("sections.0.questions.0.label");
    expect(await db.questionnaireVersion.count({ where: { questionnaireId: blank.id } })).toBe(0);
  });

  it("viewers and other organizations cannot publish or read the draft", async () => {
    expect(await publishQuestionnaire({ db, actor: viewer, id })).toBeNull();
    expect(await publishQuestionnaire({ db, actor: outsider, id })).toBeNull();
    expect(await getQuestionnaire({ db, actor: outsider, id })).toBeNull();
    expect(await db.questionnaireVersion.count({ where: { questionnaireId: id } })).toBe(2);
  });
});

describe("drafts and the factor library", () => {
  it("detects a save over someone else's newer save", async () => {
    const { id } = await createBlank({
      db,
      organizationId: orgA,
      actorId: researcher.userId,
      code: "concurrent",
      title: { en: "C" },
    });
    const opened = (await getQuestionnaire({ db, actor: researcher, id }))!;
    await saveDraft({
      db,
      actor: researcher,
      id,
      draft: { ...opened.draft, title: { en: "First" } },
      expectedUpdatedAt: opened.updatedAt,
    });
    await expect(
      saveDraft({
        db,
        actor: researcher,
        id,
        draft: { ...opened.draft, title: { en: "Second" } },
        expectedUpdatedAt: opened.updatedAt,
      }),
    ).rejects.toBeInstanceOf(DraftConflictError);
    expect((await getQuestionnaire({ db, actor: researcher, id }))!.draft.title).toEqual({ en: "First" });
    expect(
      await saveDraft({ db, actor: outsider, id, draft: opened.draft, expectedUpdatedAt: opened.updatedAt }),
    ).toBeNull();
  });

  it("adds and corrects library factors, only for researchers of the organization", async () => {
    const factor = { code: "land_use", level: "macro" as const, labelZh: "用地", labelEn: "Land" };
    expect(await saveFactor({ db, actor: researcher, organizationId: orgA, factor })).toBe("created");
    expect(
      await saveFactor({ db, actor: researcher, organizationId: orgA, factor: { ...factor, labelEn: "Land use" } }),
    ).toBe("updated");
    expect(await saveFactor({ db, actor: viewer, organizationId: orgA, factor })).toBe("not_found");
    expect(await saveFactor({ db, actor: outsider, organizationId: orgA, factor })).toBe("not_found");
    const stored = await db.factor.findUniqueOrThrow({
      where: { organizationId_code: { organizationId: orgA, code: "land_use" } },
    });
    expect(stored).toMatchObject({ labelEn: "Land use", level: "macro" });
    expect((await listFactors({ db, actor: outsider })).some((f) => f.code === "land_use")).toBe(false);
  });
});
