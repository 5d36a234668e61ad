// The people of an organization and its open invitations, for any of its members to read.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { organizationsWhere, type Actor } from "@/lib/auth/organizations-where";
import { invitationState } from "./find-invitation";

export async function listMembers(options: { db: Db; actor: Actor; organizationId: string }) {
  const { db, actor, organizationId } = options;
  const visible = { id: organizationId, AND: { id: { in: organizationsWhere(actor, "viewer") } } };
  const organization = await db.organization.findFirst({
    where: visible,
    select: {
      id: true,
      name: true,
      slug: true,
      memberships: {
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      },
      invitations: {
        where: { acceptedAt: null, revokedAt: null },
        select: {
          id: true,
          email: true,
          role: true,
          expiresAt: true,
          createdAt: true,
          acceptedAt: true,
          revokedAt: true,
        },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!organization) return null;
  return {
    ...organization,
    invitations: organization.invitations.map((i) => ({ ...i, state: invitationState(i) })),
  };
}
