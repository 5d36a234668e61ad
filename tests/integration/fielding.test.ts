// Fielding against a real PostgreSQL: surveys created from versions, invitation tokens stored as
// hashes and usable once, quotas and their fill, the response list, screening by hand and paper entry.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-client";
import type { Actor } from "@/lib/auth/actor";
import { createFromTemplate } from "@/lib/questionnaire/create-from-template";
import { publishQuestionnaire } from "@/lib/questionnaire/publish-questionnaire";
import { enterPaperResponse } from "@/lib/responses/enter-paper-response";
import { listResponses } from "@/lib/responses/list-responses";
import { markResponseInvalid, restoreResponse } from "@/lib/responses/screen-response";
import { submitResponse } from "@/lib/responses/submit-response";
import { hashInvitationToken } from "@/lib/responses/invitation-token";
import { createInvitations } from "@/lib/surveys/create-invitations";
import { createSurvey } from "@/lib/surveys/create-survey";
import { getSurvey } from "@/lib/surveys/get-survey";
import { listCollectors } from "@/lib/surveys/list-collectors";
import { parseInvitationCsv } from "@/lib/surveys/parse-invitation-csv";
import { quotaFill, setQuota } from "@/lib/surveys/quotas";
import { CreateSurveySchema } from "@/lib/surveys/survey-schema";
import { flaggedFactors } from "@/tests/fixtures/flagged-factors";
import { SlugTakenError } from "@/lib/surveys/survey-errors";

let db: Db;
let researcher: Actor;
let outsider: Actor;
let versionId: string;

const answers = (region: string, firmId?: string) => ({
  region,
  industry: "services",
  employees: 12,
  lifecycle_stage: "growth",
  ...(firmId ? { firm_id: firmId } : {}),
  macro_constraints: ["national_policy"],
  middle_constraints: ["none"],
  micro_constraints: ["innovation_culture"],
});

const surveyInput = (slug: string, extra: object = {}) =>
  CreateSurveySchema.parse({
    versionId,
    slug,
    titleZh: "测试",
    titleEn: "Test",
    defaultLocale: "zh",
    smallCellThreshold: "10",
    publicDashboard: "",
    ...extra,
  });

beforeAll(async () => {
  db = createDbClient(process.env.DATABASE_URL!, 4);
  const org = await db.organization.create({ data: { slug: "field-a", name: "Field A" } });
  const other = await db.organization.create({ data: { slug: "field-b", name: "Field B" } });
  const r = await db.user.create({
    data: {
      email: "f@a.org",
      name: "Fielder",
      memberships: { create: { organizationId: org.id, role: "researcher" } },
    },
  });
  const o = await db.user.create({
    data: { email: "f@b.org", name: "Other", memberships: { create: { organizationId: other.id, role: "owner" } } },
  });
  researcher = { userId: r.id, via: "session", memberships: [{ organizationId: org.id, role: "researcher" }] };
  outsider = { userId: o.id, via: "session", memberships: [{ organizationId: other.id, role: "owner" }] };
  const q = await createFromTemplate({
    db,
    organizationId: org.id,
    actorId: r.id,
    templateCode: "jilin_small_micro",
    code: "jilin_field",
  });
  versionId = (await publishQuestionnaire({ db, actor: researcher, id: q!.id }))!.id;
  return () => db.$disconnect();
});

describe("creating a survey", () => {
  it("creates it with an open-link collector and records the event", async () => {
    const created = await createSurvey({
      db,
      actor: researcher,
      input: surveyInput("hengyang-2020", { minCompletionSeconds: "60" }),
    });
    expect(created).toMatchObject({ slug: "hengyang-2020" });
    const survey = await getSurvey({ db, actor: researcher, slug: "hengyang-2020" });
    expect(survey).toMatchObject({ titleZh: "测试", minCompletionSeconds: 60, status: "open", publicDashboard: false });
    expect((await listCollectors(db, survey!.id)).map((c) => c.kind)).toEqual(["link"]);
    expect(await db.auditEvent.count({ where: { action: "survey.created", targetId: survey!.id } })).toBe(1);
  });

  it("refuses a taken slug with a free suggestion, and a version of another organization", async () => {
    const error = await createSurvey({ db, actor: researcher, input: surveyInput("hengyang-2020") }).catch((e) => e);
    expect(error).toBeInstanceOf(SlugTakenError);
    expect((error as SlugTakenError).suggestion).toBe("hengyang-2020-2");
    expect(await createSurvey({ db, actor: outsider, input: surveyInput("stolen-2020") })).toBeNull();
    expect(await db.survey.count({ where: { slug: "stolen-2020" } })).toBe(0);
    expect(await getSurvey({ db, actor: outsider, slug: "hengyang-2020" })).toBeNull();
  });
});

describe("invitations", () => {
  it("stores only token hashes; each token answers once", async () => {
    await createSurvey({ db, actor: researcher, input: surveyInput("invited-2020") });
    const { rows } = parseInvitationCsv("firm_name,contact,firm_identifier\nAcme,a@x.cn,91AAA\nBeta,b@x.cn,\n");
    const created = await createInvitations({ db, actor: researcher, slug: "invited-2020", name: "March", rows });
    expect(created!.invitations).toHaveLength(2);
    const stored = await db.invitationToken.findMany({
      where: { collectorId: created!.collectorId },
      orderBy: { firmName: "asc" },
    });
    expect(stored.map((s) => s.tokenHash)).toEqual(created!.invitations.map((i) => hashInvitationToken(i.token)));
    expect(JSON.stringify(stored)).not.toContain(created!.invitations[0].token);

    const token = created!.invitations[0].token;
    const body = (submissionId: string) => ({
      submissionId,
      locale: "zh" as const,
      answers: answers("changchun"),
      token,
      partial: false,
    });
    expect(await submitResponse({ db, slug: "invited-2020", submission: body(randomUUID()) })).toMatchObject({
      kind: "stored",
    });
    expect(await submitResponse({ db, slug: "invited-2020", submission: body(randomUUID()) })).toEqual({
      kind: "token_used",
    });
    const collectors = await listCollectors(db, (await getSurvey({ db, actor: researcher, slug: "invited-2020" }))!.id);
    expect(collectors.find((c) => c.kind === "invitation")).toMatchObject({
      name: "March",
      invitations: 2,
      invitationsUsed: 1,
      responses: 1,
    });
    expect(await createInvitations({ db, actor: outsider, slug: "invited-2020", name: "x", rows })).toBeNull();
  });
});

describe("quotas", () => {
  it("counts complete valid responses per breakdown value and frees a place when one is screened out", async () => {
    await createSurvey({ db, actor: researcher, input: surveyInput("quota-2020") });
    expect(
      await setQuota({
        db,
        actor: researcher,
        slug: "quota-2020",
        quota: { questionCode: "region", optionCode: "changchun", limit: 2 },
      }),
    ).toBe("saved");
    expect(
      await setQuota({
        db,
        actor: researcher,
        slug: "quota-2020",
        quota: { questionCode: "macro_constraints", optionCode: "none", limit: 2 },
      }),
    ).toBe("not_a_breakdown");
    expect(
      await setQuota({
        db,
        actor: outsider,
        slug: "quota-2020",
        quota: { questionCode: "region", optionCode: "jilin", limit: 2 },
      }),
    ).toBe("not_found");
    const submit = (region: string) =>
      submitResponse({
        db,
        slug: "quota-2020",
        submission: { submissionId: randomUUID(), locale: "zh", answers: answers(region), partial: false },
      });
    const first = await submit("changchun");
    await submit("changchun");
    await submit("jilin");
    const survey = (await getSurvey({ db, actor: researcher, slug: "quota-2020" }))!;
    expect(await quotaFill(db, survey.id)).toMatchObject([
      { questionCode: "region", optionCode: "changchun", limit: 2, filled: 2 },
    ]);
    expect(await submit("changchun")).toMatchObject({ kind: "quota_full" });

    const id = first.kind === "stored" ? first.result.id : "";
    await markResponseInvalid({ db, actor: researcher, slug: "quota-2020", id, reason: "Interviewer error" });
    expect((await quotaFill(db, survey.id))[0].filled).toBe(1);
  });
});

describe("responses: list, screening by hand, paper entry", () => {
  let surveyId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    surveyId = (await createSurvey({ db, actor: researcher, input: surveyInput("screen-2020") }))!.id;
    for (let i = 0; i < 27; i++) {
      const out = await submitResponse({
        db,
        slug: "screen-2020",
        submission: { submissionId: randomUUID(), locale: "en", answers: answers("siping"), partial: false },
      });
      if (out.kind === "stored") ids.push(out.result.id);
    }
    await submitResponse({
      db,
      slug: "screen-2020",
      submission: { submissionId: randomUUID(), locale: "en", answers: { region: "siping" }, partial: true },
    });
  });

  it("filters by state and pages 25 at a time", async () => {
    const all = await listResponses({ db, surveyId, filter: "all", page: 1 });
    expect({ total: all.total, pages: all.pages, rows: all.rows.length }).toEqual({ total: 28, pages: 2, rows: 25 });
    expect((await listResponses({ db, surveyId, filter: "all", page: 2 })).rows).toHaveLength(3);
    expect((await listResponses({ db, surveyId, filter: "partial", page: 1 })).total).toBe(1);
    expect((await listResponses({ db, surveyId, filter: "valid", page: 1 })).total).toBe(27);
  });

  it("marks a response invalid with a reason and restores it, both in the audit log", async () => {
    const id = ids[0];
    expect(
      await markResponseInvalid({
        db,
        actor: researcher,
        slug: "screen-2020",
        id,
        reason: "  Same answers as firm 12  ",
      }),
    ).toBe("done");
    expect(await db.response.findUniqueOrThrow({ where: { id } })).toMatchObject({
      screenedRule: "manual",
      screenedReason: "Same answers as firm 12",
      screenedById: researcher.userId,
    });
    expect((await listResponses({ db, surveyId, filter: "screened", page: 1 })).rows.map((r) => r.id)).toEqual([id]);
    expect(await restoreResponse({ db, actor: researcher, slug: "screen-2020", id })).toBe("done");
    expect(await db.response.findUniqueOrThrow({ where: { id } })).toMatchObject({
      screenedRule: null,
      screenedAt: null,
      screenedById: null,
    });
    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["response.screened", researcher.userId],
      ["response.unscreened", researcher.userId],
    ]);
    expect(events[1].data).toMatchObject({ previousRule: "manual", previousReason: "Same answers as firm 12" });
  });

  it("refuses screening without a reason, of a partial response, or from another organization", async () => {
    await expect(
      markResponseInvalid({ db, actor: researcher, slug: "screen-2020", id: ids[1], reason: " " }),
    ).rejects.toThrow();
    const partial = (await listResponses({ db, surveyId, filter: "partial", page: 1 })).rows[0].id;
    expect(await markResponseInvalid({ db, actor: researcher, slug: "screen-2020", id: partial, reason: "Bad" })).toBe(
      "not_complete",
    );
    expect(
      await markResponseInvalid({ db, actor: outsider, slug: "screen-2020", id: ids[1], reason: "Mine now" }),
    ).toBe("not_found");
    expect(await db.response.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({ screenedAt: null });
  });

  it("stores a keyed-in paper questionnaire once, with the paper collector, and screens a repeated firm", async () => {
    const submissionId = randomUUID();
    const entry = {
      db,
      actor: researcher,
      slug: "screen-2020",
      submissionId,
      locale: "zh" as const,
      answers: answers("baishan", "91 220101 ma0x"),
    };
    const first = await enterPaperResponse(entry);
    expect(first).toMatchObject({ kind: "stored", created: true, screened: false });
    expect(await enterPaperResponse(entry)).toMatchObject({ kind: "stored", created: false });
    const stored = await db.response.findUniqueOrThrow({
      where: { id: (first as { id: string }).id },
      include: { collector: true, answerRows: true },
    });
    expect(stored.collector?.kind).toBe("paper");
    expect(stored.firmIdentifier).toBe("91220101MA0X");
    expect(await flaggedFactors(db, stored.id)).toEqual(["innovation_culture", "national_policy"]);

    const again = await enterPaperResponse({ ...entry, submissionId: randomUUID() });
    expect(again).toMatchObject({ kind: "stored", screened: true });

    const invalid = await enterPaperResponse({ ...entry, submissionId: randomUUID(), answers: { region: "atlantis" } });
    expect(invalid.kind).toBe("invalid");
    expect(await enterPaperResponse({ ...entry, actor: outsider, submissionId: randomUUID() })).toEqual({
      kind: "not_found",
    });
    expect(await db.response.count({ where: { surveyId, collector: { kind: "paper" } } })).toBe(2);
  });
});
