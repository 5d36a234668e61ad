// The organization a signed-in user's pages act in: the one chosen with the switcher (a cookie),
// else the first they belong to. A token acts only in the organization it was made for.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";
import type { Role } from "./roles";

export const ORGANIZATION_COOKIE = "org";

export type ActorOrganization = { id: string; slug: string; name: string; role: Role };

/** Every organization the actor belongs to, with their role in it, by name. */
export async function actorOrganizations(actor: Actor): Promise<ActorOrganization[]> {
  const roles = new Map(actor.memberships.map((m) => [m.organizationId, m.role]));
  const organizations = await db.organization.findMany({
    where: { id: { in: [...roles.keys()] } },
    select: { id: true, slug: true, name: true },
    orderBy: { name: "asc" },
  });
  return organizations.map((o) => ({ ...o, role: roles.get(o.id)! }));
}

/** The current organization, or null when the actor belongs to none. */
export async function currentOrganization(actor: Actor): Promise<ActorOrganization | null> {
  const organizations = await actorOrganizations(actor);
  // A token belongs to one organization only; the switcher's cookie is a browser's.
  if (actor.via === "token") return organizations[0] ?? null;
  const chosen = (await cookies()).get(ORGANIZATION_COOKIE)?.value;
  return organizations.find((o) => o.slug === chosen) ?? organizations[0] ?? null;
}

/** Makes `slug` the current organization (call from a server action, after checking membership). */
export async function rememberCurrentOrganization(slug: string) {
  (await cookies()).set(ORGANIZATION_COOKIE, slug, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
}

/**
 * The organization an API request acts in: `?organization=<slug>` when given (null unless the
 * actor belongs to it), else the current one.
 */
export async function requestedOrganization(actor: Actor, slug: string | null): Promise<ActorOrganization | null> {
  if (!slug) return currentOrganization(actor);
  return (await actorOrganizations(actor)).find((o) => o.slug === slug) ?? null;
}
