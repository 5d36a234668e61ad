// The API token form's input and the tokens API's bodies and answers. Browser-safe; messages are keys
// of the "account" namespace.
import { z } from "zod";
import { IsoDateTimeSchema } from "@/lib/http/wire-schemas";

export const CreateApiTokenSchema = z.object({
  name: z.string().trim().min(1, "errors.tokenNameRequired").max(80, "errors.tokenNameTooLong"),
  organizationId: z.uuid("errors.organizationRequired"),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: z.uuid("errors.notFound") });

/** POST /api/v1/tokens: the organization defaults to the caller's current one. */
export const CreateApiTokenBodySchema = z
  .object({
    name: CreateApiTokenSchema.shape.name.describe('What the token is for, e.g. "R scripts" (at most 80 characters).'),
    organizationId: z.uuid("errors.organizationRequired").optional(),
  })
  .strict();

export const ApiTokenParamsSchema = z.object({ id: z.uuid("errors.notFound") });

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organization: z.object({ slug: z.string(), name: z.string() }),
  createdAt: IsoDateTimeSchema,
  lastUsedAt: IsoDateTimeSchema.nullable(),
  revokedAt: IsoDateTimeSchema.nullable(),
});
export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });

export const CreatedApiTokenSchema = z.object({
  token: z.string().describe("The secret, shown once: send it as Authorization: Bearer <token>."),
  apiToken: z.object({ id: z.uuid(), name: z.string(), createdAt: IsoDateTimeSchema }),
});
