// Roles in an organization, from least to most allowed. Browser-safe.
export const ROLES = ["viewer", "researcher", "owner"] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` allows what `minimum` allows (an owner can do what a researcher can). */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
