// Privacy (issue 13, defect 15): client addresses are kept only as long as a limit needs them,
// and an owner can erase one response on request, with an audit entry and nothing left behind.
import { beforeAll, describe, expect, it } from "vitest";
import { findDashboardSurvey } from "@/lib/analytics/find-dashboard-survey";
import { foldResults } from "@/lib/analytics/results-aggregator";
import { getAttention } from "@/lib/analytics/results";
import type { Actor } from "@/lib/auth/organizations-where";
import { db } from "@/lib/db/client";
import { purgeExpiredAddresses, SIGN_IN_ADDRESS_DAYS } from "@/lib/privacy/purge-addresses";
import { eraseResponse } from "@/lib/responses/erase-response";
import { PAPER_SURVEY_SLUG } from "@/lib/demo/demo-surveys";
import { seedDemo } from "@/prisma/seed";

async function actorOf(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return { userId: user.id, via: "session", memberships: user.memberships };
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe("client addresses", () => {
  it("are dropped from sign-in attempts, the audit log and rate-limit buckets once no limit needs them", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    await db.signInAttempt.createMany({
      data: [
        {
          email: "old@privacy.example",
          ip: "192.0.2.1",
          succeeded: true,
          createdAt: daysAgo(SIGN_IN_ADDRESS_DAYS + 1),
        },
        { email: "new@privacy.example", ip: "192.0.2.2", succeeded: true, createdAt: daysAgo(1) },
      ],
    });
    const [oldEvent, newEvent] = await Promise.all(
      [SIGN_IN_ADDRESS_DAYS + 1, 1].map((days) =>
        db.auditEvent.create({
          data: {
            organizationId: org.id,
            action: "user.signed_in",
            data: { ip: "192.0.2.3" },
            createdAt: daysAgo(days),
          },
        }),
      ),
    );
    await db.rateLimitBucket.createMany({
      data: [
        { key: "responses:192.0.2.4", windowStart: new Date(Date.now() - 2 * 3600_000), count: 3 },
        { key: "responses:192.0.2.5", windowStart: new Date(), count: 1 },
      ],
    });

    await purgeExpiredAddresses({ db });
    expect(
      (await db.signInAttempt.findMany({ where: { email: { endsWith: "@privacy.example" } } })).map((a) => a.ip),
    ).toEqual(["192.0.2.2"]);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: oldEvent.id } })).data).toEqual({});
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: newEvent.id } })).data).toEqual({ ip: "192.0.2.3" });
    expect(
      (await db.rateLimitBucket.findMany({ where: { key: { startsWith: "responses:192.0.2." } } })).map((b) => b.key),
    ).toEqual(["responses:192.0.2.5"]);
  });
});

describe("erasing a response", () => {
  it("is for owners: the response, its answers and its share of the results go; the audit log says who and when", async () => {
    const survey = {
      ...(await findDashboardSurvey({ db, slug: PAPER_SURVEY_SLUG, actor: null }))!,
      access: "member" as const,
    };
    const base = async () =>
      (await foldResults(db),
      await getAttention({ db, survey, level: "macro", filter: { breakdowns: {} }, measure: "cases", locale: "en" }))
        .base;
    const target = await db.response.findFirstOrThrow({
      where: { survey: { slug: PAPER_SURVEY_SLUG }, status: "complete", screenedAt: null },
    });
    const before = (await base())!;

    expect(
      await eraseResponse({
        db,
        actor: await actorOf("researcher@example.org"),
        slug: PAPER_SURVEY_SLUG,
        id: target.id,
      }),
    ).toBe(false);
    expect(await db.response.findUnique({ where: { id: target.id } })).not.toBeNull();

    const owner = await actorOf("owner@example.org");
    expect(await eraseResponse({ db, actor: owner, slug: PAPER_SURVEY_SLUG, id: target.id })).toBe(true);
    expect(await db.response.findUnique({ where: { id: target.id } })).toBeNull();
    expect(await db.answer.count({ where: { responseId: target.id } })).toBe(0);
    expect(await base()).toBe(before - 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "response.erased", targetId: target.id } });
    expect(event).toMatchObject({ actorId: owner.userId, data: { survey: PAPER_SURVEY_SLUG, status: "complete" } });
    expect(await eraseResponse({ db, actor: owner, slug: PAPER_SURVEY_SLUG, id: target.id })).toBe(false);
  });
});
