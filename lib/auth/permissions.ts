// What each role may do, in one table: page guards (requireOrganization), the HTTP API and the
// queries behind both read the role they need from here, so a page refused to a viewer is
// refused through the API too. Browser-safe (the navigation hides what a role cannot open).
import { roleAtLeast, type Role } from "./roles";

export const PERMISSIONS = {
  /** The organization's surveys, their status and dashboards. */
  "surveys.read": "viewer",
  /** Create and edit surveys, collectors, invitations and quotas. */
  "surveys.manage": "researcher",
  /** The factor library (read). */
  "factors.read": "viewer",
  /** Questionnaires: list, open, download definitions, versions. */
  "questionnaires.read": "researcher",
  /** Questionnaires and factors: import, edit, publish. */
  "questionnaires.write": "researcher",
  /** Individual responses: read, screen, key in paper questionnaires, export. */
  "responses.read": "researcher",
  "responses.write": "researcher",
  /** Erase a response on a respondent's request. */
  "responses.erase": "owner",
  /** The audit log. */
  "audit.read": "owner",
  /** Members, invitations and sessions of the organization. */
  "members.manage": "owner",
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export const roleFor = (permission: Permission): Role => PERMISSIONS[permission];

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && roleAtLeast(role, PERMISSIONS[permission]);
}
