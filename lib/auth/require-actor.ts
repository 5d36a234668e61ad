// Guards for pages: an anonymous visitor is sent to the sign-in page and comes back to where
// they were going (proxy.ts passes the requested path in a header). Queries still filter by the
// actor's organizations; these guards only decide what to render.
import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getActor, type Actor } from "./actor";
import { currentOrganization, type ActorOrganization } from "./current-organization";
import { can, type Permission } from "./permissions";
import { REQUEST_PATH_HEADER } from "./request-path-header";
import { safeCallbackUrl } from "./safe-callback-url";

export async function signInUrlForThisPage(): Promise<string> {
  const path = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER), "");
  return path ? `/sign-in?callbackUrl=${encodeURIComponent(path)}` : "/sign-in";
}

/** The signed-in actor; redirects anonymous visitors to /sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(await signInUrlForThisPage());
  return actor;
}

/**
 * The actor and the organization the page acts in, where the actor's role grants `permission`
 * (lib/auth/permissions.ts; any member without one). Users without any organization are sent to
 * create one; a role too low answers 404.
 */
export async function requireOrganization(
  options: { permission?: Permission } = {},
): Promise<{ actor: Actor; organization: ActorOrganization }> {
  const actor = await requireActor();
  const organization = await currentOrganization(actor);
  if (!organization) redirect("/organizations/new");
  if (options.permission && !can(organization.role, options.permission)) notFound();
  return { actor, organization };
}
