// Input of the API token form. Browser-safe; messages are keys of the "account" namespace.
import { z } from "zod";

export const CreateApiTokenSchema = z.object({
  name: z.string().trim().min(1, "errors.tokenNameRequired").max(80, "errors.tokenNameTooLong"),
  organizationId: z.uuid("errors.organizationRequired"),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: z.uuid("errors.notFound") });
