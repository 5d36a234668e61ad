// Input of the organization and membership forms, shared by the forms, the server actions and
// the admin command. Browser-safe. Messages are keys of the "account" message namespace, so
// each side shows them in the user's language.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));

export const PersonNameSchema = z.string().trim().min(1, "errors.nameRequired").max(120, "errors.nameTooLong");

export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "errors.passwordTooShort")
  .max(MAX_PASSWORD_LENGTH, "errors.passwordTooLong");

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "errors.currentPasswordRequired"),
  newPassword: NewPasswordSchema,
});

export const RoleSchema = z.enum(ROLES, "errors.roleInvalid");

export const OrganizationSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,46}[a-z0-9]$/, "errors.slugInvalid");

export const CreateOrganizationSchema = z.object({
  name: z.string().trim().min(1, "errors.organizationNameRequired").max(120, "errors.nameTooLong"),
  slug: OrganizationSlugSchema,
});
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationSchema>;

export const InviteMemberSchema = z.object({ email: EmailSchema, role: RoleSchema });
export type InviteMemberInput = z.infer<typeof InviteMemberSchema>;

export const ChangeRoleSchema = z.object({ membershipId: z.uuid("errors.notFound"), role: RoleSchema });
export const RemoveMemberSchema = z.object({ membershipId: z.uuid("errors.notFound") });

/** A new account made by accepting an invitation. */
export const AcceptAsNewUserSchema = z.object({ name: PersonNameSchema, password: NewPasswordSchema });
export type AcceptAsNewUserInput = z.infer<typeof AcceptAsNewUserSchema>;

export const RevokeInvitationSchema = z.object({ invitationId: z.uuid("errors.notFound") });
