// Organizations, members, invitations, tokens, sign-in throttling and the audit log, against PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import {
  accountDelaySeconds,
  authenticate,
  MAX_ACCOUNT_DELAY_SECONDS,
  MAX_FAILURES_PER_IP,
} from "@/lib/auth/authenticate";
import { hashApiToken } from "@/lib/auth/api-token";
import { createApiToken } from "@/lib/auth/create-api-token";
import type { Actor } from "@/lib/auth/organizations-where";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeApiToken } from "@/lib/auth/revoke-api-token";
import { db } from "@/lib/db/client";
import { acceptInvitationAsNewUser, acceptInvitationAsUser } from "@/lib/organizations/accept-invitation";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { createOrganization } from "@/lib/organizations/create-organization";
import { findInvitation } from "@/lib/organizations/find-invitation";
import { inviteMember } from "@/lib/organizations/invite-member";
import { removeMember } from "@/lib/organizations/remove-member";
import { revokeInvitation } from "@/lib/organizations/revoke-invitation";

async function actorOf(userId: string): Promise<Actor> {
  const memberships = await db.membership.findMany({ where: { userId } });
  return {
    userId,
    via: "session",
    memberships: memberships.map((m) => ({ organizationId: m.organizationId, role: m.role })),
  };
}

async function newUser(email: string, password = "correct horse battery") {
  return db.user.create({ data: { email, name: email.split("@")[0], passwordHash: await hashPassword(password) } });
}

let owner: Awaited<ReturnType<typeof newUser>>;
let orgId: string;

beforeAll(async () => {
  owner = await newUser("owner@team.example");
  orgId = (await createOrganization({ db, ownerId: owner.id, input: { slug: "team", name: "Team" } })).id;
});

describe("organizations", () => {
  it("makes the creator the owner and refuses a taken short name", async () => {
    expect(await db.membership.findFirst({ where: { organizationId: orgId, userId: owner.id } })).toMatchObject({
      role: "owner",
    });
    await expect(
      createOrganization({ db, ownerId: owner.id, input: { slug: "team", name: "Again" } }),
    ).rejects.toMatchObject({ code: "slugTaken" });
  });
});

describe("invitations", () => {
  it("let a newcomer join once with the invited role and a password of their own", async () => {
    const { token } = await inviteMember({
      db,
      actor: await actorOf(owner.id),
      organizationId: orgId,
      input: { email: "new@team.example", role: "researcher" },
    });
    expect(await findInvitation({ db, token })).toMatchObject({
      state: "open",
      email: "new@team.example",
      accountExists: false,
      organizationName: "Team",
    });
    const joined = await acceptInvitationAsNewUser({
      db,
      token,
      input: { name: "Newcomer", password: "a long password" },
    });
    expect(joined).toMatchObject({ organizationSlug: "team", role: "researcher" });
    const user = await db.user.findUniqueOrThrow({
      where: { email: "new@team.example" },
      include: { memberships: true },
    });
    expect(user.memberships).toMatchObject([{ organizationId: orgId, role: "researcher" }]);
    expect(await verifyPassword("a long password", user.passwordHash!)).toBe(true);
    await expect(
      acceptInvitationAsNewUser({ db, token, input: { name: "Again", password: "a long password" } }),
    ).rejects.toMatchObject({ code: "invitationUsed" });
    expect((await findInvitation({ db, token }))?.state).toBe("invitationUsed");
  });

  it("let an existing account join only when signed in as the invited address", async () => {
    const existing = await newUser("existing@other.example");
    const stranger = await newUser("stranger@other.example");
    const { token } = await inviteMember({
      db,
      actor: await actorOf(owner.id),
      organizationId: orgId,
      input: { email: "existing@other.example", role: "viewer" },
    });
    await expect(
      acceptInvitationAsNewUser({ db, token, input: { name: "X", password: "a long password" } }),
    ).rejects.toMatchObject({ code: "accountExists" });
    await expect(acceptInvitationAsUser({ db, token, userId: stranger.id })).rejects.toMatchObject({
      code: "emailMismatch",
    });
    // The refusals did not use up the link.
    expect(await acceptInvitationAsUser({ db, token, userId: existing.id })).toMatchObject({ role: "viewer" });
  });

  it("stop working when expired or withdrawn, and only owners may invite", async () => {
    const ownerActor = await actorOf(owner.id);
    const expired = await inviteMember({
      db,
      actor: ownerActor,
      organizationId: orgId,
      input: { email: "late@team.example", role: "viewer" },
    });
    await db.membershipInvitation.update({
      where: { id: expired.invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      acceptInvitationAsNewUser({ db, token: expired.token, input: { name: "Late", password: "a long password" } }),
    ).rejects.toMatchObject({ code: "invitationExpired" });

    const withdrawn = await inviteMember({
      db,
      actor: ownerActor,
      organizationId: orgId,
      input: { email: "maybe@team.example", role: "viewer" },
    });
    await revokeInvitation({ db, actor: ownerActor, invitationId: withdrawn.invitation.id });
    await expect(
      acceptInvitationAsNewUser({ db, token: withdrawn.token, input: { name: "Maybe", password: "a long password" } }),
    ).rejects.toMatchObject({ code: "invitationRevoked" });
    expect(await db.user.count({ where: { email: { in: ["late@team.example", "maybe@team.example"] } } })).toBe(0);

    const researcher = await db.user.findUniqueOrThrow({ where: { email: "new@team.example" } });
    await expect(
      inviteMember({
        db,
        actor: await actorOf(researcher.id),
        organizationId: orgId,
        input: { email: "x@team.example", role: "owner" },
      }),
    ).rejects.toMatchObject({ code: "notFound" });
    await expect(
      inviteMember({
        db,
        actor: ownerActor,
        organizationId: orgId,
        input: { email: "new@team.example", role: "viewer" },
      }),
    ).rejects.toMatchObject({ code: "alreadyMember" });
  });
});

describe("roles and removal", () => {
  it("never leave an organization without an owner", async () => {
    const ownerActor = await actorOf(owner.id);
    const own = await db.membership.findFirstOrThrow({ where: { organizationId: orgId, userId: owner.id } });
    await expect(
      changeMemberRole({ db, actor: ownerActor, membershipId: own.id, role: "researcher" }),
    ).rejects.toMatchObject({ code: "lastOwner" });
    await expect(removeMember({ db, actor: ownerActor, membershipId: own.id })).rejects.toMatchObject({
      code: "lastOwner",
    });

    const researcher = await db.membership.findFirstOrThrow({
      where: { organizationId: orgId, user: { email: "new@team.example" } },
    });
    await changeMemberRole({ db, actor: ownerActor, membershipId: researcher.id, role: "owner" });
    // With a second owner, the first may step down.
    await changeMemberRole({ db, actor: ownerActor, membershipId: own.id, role: "researcher" });
    expect(await db.membership.count({ where: { organizationId: orgId, role: "owner" } })).toBe(1);
  });

  it("let owners only change members, and removal ends the member's tokens there", async () => {
    const newOwner = await db.user.findUniqueOrThrow({ where: { email: "new@team.example" } });
    const viewer = await db.membership.findFirstOrThrow({
      where: { organizationId: orgId, user: { email: "existing@other.example" } },
    });
    await expect(removeMember({ db, actor: await actorOf(owner.id), membershipId: viewer.id })).rejects.toMatchObject({
      code: "notFound",
    });

    const created = await createApiToken({ db, userId: viewer.userId, organizationId: orgId, name: "script" });
    await removeMember({ db, actor: await actorOf(newOwner.id), membershipId: viewer.id });
    expect(await db.membership.findUnique({ where: { id: viewer.id } })).toBeNull();
    expect(
      (await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashApiToken(created!.token) } })).revokedAt,
    ).not.toBeNull();
  });
});

describe("API tokens", () => {
  it("are stored hashed, made only for the user's organizations, revocable by their user", async () => {
    const other = await newUser("tokens@else.example");
    expect(await createApiToken({ db, userId: other.id, organizationId: orgId, name: "sneaky" })).toBeNull();
    const newOwner = await db.user.findUniqueOrThrow({ where: { email: "new@team.example" } });
    const created = (await createApiToken({ db, userId: newOwner.id, organizationId: orgId, name: "R scripts" }))!;
    expect(created.token).toMatch(/^smet_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    expect(stored.tokenHash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(await revokeApiToken({ db, actor: await actorOf(other.id), tokenId: created.apiToken.id })).toBe(false);
    expect(await revokeApiToken({ db, actor: await actorOf(newOwner.id), tokenId: created.apiToken.id })).toBe(true);
    expect(await revokeApiToken({ db, actor: await actorOf(newOwner.id), tokenId: created.apiToken.id })).toBe(false);
  });
});

describe("sign-in", () => {
  it("lets no one lock an account out: unfamiliar clients wait progressively, the usual client never", async () => {
    const usual = "203.0.113.7";
    const password = "correct horse battery";
    expect(await authenticate({ email: "owner@team.example", password, ip: usual })).toMatchObject({ status: "ok" });
    // Five wrong passwords from five addresses once blocked the real user for 15 minutes.
    for (let i = 0; i < 5; i++)
      expect(await authenticate({ email: "OWNER@team.example", password: "wrong", ip: `198.51.100.${i}` })).toEqual({
        status: "invalid",
      });
    expect(await authenticate({ email: "owner@team.example", password, ip: usual })).toMatchObject({ status: "ok" });
    const stranger = await authenticate({ email: "owner@team.example", password, ip: "192.0.2.50" });
    expect(stranger).toEqual({ status: "throttled", retryAfterSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await authenticate({ email: "owner@team.example", password, ip: "192.0.2.50" })).toMatchObject({
      status: "ok",
    });
    expect([4, 5, 6, 7, 20].map(accountDelaySeconds)).toEqual([0, 1, 2, 4, MAX_ACCOUNT_DELAY_SECONDS]);
  });

  it("blocks a client address after many failures, whatever the account, and no other address", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++)
      await authenticate({ email: `nobody${i}@team.example`, password: "guess", ip });
    const blocked = await authenticate({ email: "new@team.example", password: "a long password", ip });
    expect(blocked.status).toBe("throttled");
    expect(blocked.status === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(
      await authenticate({ email: "new@team.example", password: "a long password", ip: "198.51.100.200" }),
    ).toMatchObject({ status: "ok" });
  });

  it("takes as long for an unknown account as for a wrong password, so timing tells no one which exist", async () => {
    const time = async (email: string) => {
      const started = performance.now();
      for (let i = 0; i < 3; i++) await authenticate({ email, password: "wrong", ip: `192.0.2.${100 + i}` });
      return performance.now() - started;
    };
    await time("warm-up@nowhere.example");
    const existing = await time("new@team.example");
    const unknown = await time("no-such-account@team.example");
    expect(unknown).toBeGreaterThan(existing * 0.6);
  });
});

describe("the audit log", () => {
  it("lists the organization's events newest first, filtered, for owners only", async () => {
    const newOwner = await db.user.findUniqueOrThrow({ where: { email: "new@team.example" } });
    const log = await listAuditEvents({
      db,
      actor: await actorOf(newOwner.id),
      organizationId: orgId,
      filter: { page: 1 },
    });
    const actions = log.events.map((e) => e.action);
    for (const action of [
      "organization.created",
      "member.invited",
      "member.joined",
      "invitation.revoked",
      "member.role_changed",
      "member.removed",
      "token.created",
      "token.revoked",
      "user.signed_in",
    ])
      expect(actions, action).toContain(action);
    expect(log.events[0].createdAt >= log.events.at(-1)!.createdAt).toBe(true);

    const removals = await listAuditEvents({
      db,
      actor: await actorOf(newOwner.id),
      organizationId: orgId,
      filter: { page: 1, action: "member.removed" },
    });
    expect(removals.total).toBe(1);
    expect(removals.events[0].data).toMatchObject({ email: "existing@other.example", role: "viewer" });
    const future = await listAuditEvents({
      db,
      actor: await actorOf(newOwner.id),
      organizationId: orgId,
      filter: { page: 1, from: "2999-01-01" },
    });
    expect(future.total).toBe(0);
    // The former owner, now a researcher, sees nothing.
    expect(
      (await listAuditEvents({ db, actor: await actorOf(owner.id), organizationId: orgId, filter: { page: 1 } })).total,
    ).toBe(0);
  });
});
