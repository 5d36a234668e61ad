"use server";
// Remembers which of their organizations a user's pages act in. Only an organization the user
// belongs to can be chosen; anything else is ignored.
import { getActor } from "./actor";
import { actorOrganizations, rememberCurrentOrganization } from "./current-organization";

export async function setCurrentOrganization(slug: string) {
  const actor = await getActor();
  if (!actor) return;
  if (!(await actorOrganizations(actor)).some((o) => o.slug === slug)) return;
  await rememberCurrentOrganization(slug);
}
