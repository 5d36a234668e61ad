// A new organization, with its creator as the first owner.
import "server-only";
import type { Db } from "@/lib/db/create-client";
import { recordEvent } from "@/lib/audit/record-event";
import { MembershipError } from "./membership-error";
import type { CreateOrganizationInput } from "./organization-schemas";

/** `ownerId` null: created by the admin command, owners are added afterwards. */
export async function createOrganization(options: { db: Db; ownerId: string | null; input: CreateOrganizationInput }) {
  const { db, ownerId, input } = options;
  if (await db.organization.findUnique({ where: { slug: input.slug }, select: { id: true } }))
    throw new MembershipError("slugTaken");
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        slug: input.slug,
        name: input.name,
        memberships: ownerId ? { create: { userId: ownerId, role: "owner" } } : undefined,
      },
    });
    await recordEvent({
      db: tx,
      organizationId: organization.id,
      actorId: ownerId,
      action: "organization.created",
      targetType: "organization",
      targetId: organization.id,
      data: { slug: organization.slug, name: organization.name },
    });
    return organization;
  });
}
