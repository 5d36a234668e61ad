// Organization ids in which an actor holds at least a role, for `where` clauses. Pure, so domain
// functions that filter by it load nothing of next-auth (the admin command runs them outside Next).
import { roleAtLeast, type Role } from "./roles";

export type Membership = { organizationId: string; role: Role };
export type Actor = {
  userId: string;
  via: "session" | "token";
  memberships: Membership[];
  /** The server-side session of a signed-in browser (lib/auth/sessions.ts). */
  sessionId?: string;
};

export function organizationsWhere(actor: Actor | null, minimum: Role): string[] {
  return actor ? actor.memberships.filter((m) => roleAtLeast(m.role, minimum)).map((m) => m.organizationId) : [];
}
