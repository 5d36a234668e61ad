// One permission table decides pages and the API (issue 13, defect 13): the questions behind
// GET /api/v1/questionnaires answer a viewer with nothing, as the questionnaires page refuses them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/organizations-where";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getQuestionnaire, getVersionDefinition } from "@/lib/questionnaire/get-questionnaire";
import { listQuestionnaires } from "@/lib/questionnaire/list-questionnaires";
import { seedDemo } from "@/prisma/seed";

async function actorOf(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return { userId: user.id, via: "session", memberships: user.memberships };
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe("questionnaires", () => {
  it("are listed, opened and downloaded only by the roles the table grants", async () => {
    expect(PERMISSIONS["questionnaires.read"]).toBe("researcher");
    const viewer = await actorOf("viewer@example.org");
    const researcher = await actorOf("researcher@example.org");
    expect(can(viewer.memberships[0].role, "questionnaires.read")).toBe(false);

    expect(await listQuestionnaires({ db, actor: viewer })).toEqual([]);
    const listed = await listQuestionnaires({ db, actor: researcher });
    expect(listed.map((q) => q.code)).toContain("jilin_small_micro");

    const jilin = listed.find((q) => q.code === "jilin_small_micro")!;
    expect(await getQuestionnaire({ db, actor: viewer, id: jilin.id })).toBeNull();
    expect(await getVersionDefinition({ db, actor: viewer, questionnaireId: jilin.id, number: 1 })).toBeNull();
    expect(await getVersionDefinition({ db, actor: researcher, questionnaireId: jilin.id, number: 1 })).not.toBeNull();
  });
});
