// An organization always keeps at least one owner. The owners' rows are locked first, so two
// owners demoting each other at the same moment cannot both succeed.
import "server-only";
import type { Prisma } from "@/lib/db/create-client";
import { MembershipError } from "./membership-error";

export async function assertAnotherOwnerRemains(
  tx: Prisma.TransactionClient,
  organizationId: string,
  leavingMembershipId: string,
) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM membership WHERE organization_id = ${organizationId}::uuid AND role = 'owner' FOR UPDATE`;
  if (!owners.some((o) => o.id !== leavingMembershipId)) throw new MembershipError("lastOwner");
}
