// Sessions end on the server (issue 13, defect 10): signing out, a password change and an
// owner's "sign out everywhere" end them at once, and every session has an absolute and an
// idle lifetime that refreshing the cookie cannot stretch.
import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import type { Actor } from "@/lib/auth/organizations-where";
import { hashPassword } from "@/lib/auth/password";
import {
  endSession,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  sessionIsLive,
  startSession,
} from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { signOutMember } from "@/lib/organizations/sign-out-member";

let orgId: string;
async function newUser(email: string, role: "owner" | "viewer") {
  const user = await db.user.create({
    data: { email, name: email, passwordHash: await hashPassword("correct horse battery") },
  });
  const membership = await db.membership.create({ data: { userId: user.id, organizationId: orgId, role } });
  return { user, membership };
}
const live = (sessionId: string, userId: string, now?: Date) => sessionIsLive({ db, sessionId, userId, now });

beforeAll(async () => {
  orgId = (await db.organization.create({ data: { slug: "sessions-test", name: "Sessions test" } })).id;
});

describe("sessions", () => {
  it("end when signed out, and only that one", async () => {
    const { user } = await newUser("one@sessions.example", "viewer");
    const laptop = await startSession({ db, userId: user.id });
    const phone = await startSession({ db, userId: user.id });
    expect(await live(laptop, user.id)).toBe(true);
    await endSession({ db, sessionId: laptop });
    expect(await live(laptop, user.id)).toBe(false);
    expect(await live(phone, user.id)).toBe(true);
    // Another user's id never matches, nor does an id that is not a UUID.
    expect(await live(phone, orgId)).toBe(false);
    expect(await live("0".repeat(36), user.id)).toBe(false);
  });

  it("have an absolute lifetime, however active, and an idle one", async () => {
    const { user } = await newUser("two@sessions.example", "viewer");
    const id = await startSession({ db, userId: user.id });
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
    // Used every hour: still cut off at the absolute lifetime.
    for (let hour = 1; hour * 3600 < SESSION_ABSOLUTE_SECONDS; hour++)
      expect(await live(id, user.id, later(hour * 3600))).toBe(true);
    expect(await live(id, user.id, later(SESSION_ABSOLUTE_SECONDS + 1))).toBe(false);

    const idle = await startSession({ db, userId: user.id });
    expect(await live(idle, user.id, later(SESSION_IDLE_SECONDS + 1))).toBe(false);
  });

  it("all end but the asking one when the password changes", async () => {
    const { user } = await newUser("three@sessions.example", "viewer");
    const here = await startSession({ db, userId: user.id });
    const elsewhere = await startSession({ db, userId: user.id });
    const outcome = await changePassword({
      db,
      userId: user.id,
      currentPassword: "correct horse battery",
      newPassword: "another long password",
      keepSessionId: here,
    });
    expect(outcome).toBe("changed");
    expect(await live(here, user.id)).toBe(true);
    expect(await live(elsewhere, user.id)).toBe(false);
  });

  it("of a member all end when an owner signs them out everywhere, audited; others may not", async () => {
    const owner = await newUser("owner@sessions.example", "owner");
    const member = await newUser("four@sessions.example", "viewer");
    const ownerSession = await startSession({ db, userId: owner.user.id });
    const a = await startSession({ db, userId: member.user.id });
    const b = await startSession({ db, userId: member.user.id });
    const actorOf = (userId: string, role: "owner" | "viewer", sessionId?: string): Actor => ({
      userId,
      via: "session",
      sessionId,
      memberships: [{ organizationId: orgId, role }],
    });
    await expect(
      signOutMember({ db, actor: actorOf(member.user.id, "viewer"), membershipId: owner.membership.id }),
    ).rejects.toThrow();
    expect(await live(ownerSession, owner.user.id)).toBe(true);

    const ended = await signOutMember({
      db,
      actor: actorOf(owner.user.id, "owner", ownerSession),
      membershipId: member.membership.id,
    });
    expect(ended).toBe(2);
    expect([await live(a, member.user.id), await live(b, member.user.id)]).toEqual([false, false]);
    expect(await live(ownerSession, owner.user.id)).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: orgId, action: "member.signed_out" },
    });
    expect(event).toMatchObject({ actorId: owner.user.id, targetId: member.membership.id });
  });
});
