// One documented HTTP endpoint: the entry type of the registry (api-routes.ts) from which the
// OpenAPI document is generated (openapi-document.ts; docs/decisions/022-openapi-from-zod.md).
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * Who may call: `public` anyone; `member` a session cookie or an API token of a member whose
 * role grants `permission`; `session` a signed-in browser session only; `public-or-member` anyone
 * when the survey shares its dashboard, else members.
 */
export type ApiAuth = "public" | "member" | "session" | "public-or-member";

/** One answer of an endpoint. `schema` describes a JSON body; `contentTypes` other bodies (files, streams). */
export type ApiAnswer = { description: string; schema?: z.ZodType; contentTypes?: string[] };

export type ApiRouteEntry = {
  method: HttpMethod;
  /** As the client writes it: /api/v1/surveys/{slug}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: ApiAuth;
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The endpoint also takes the dashboard's breakdown filters as further query parameters (region=…). */
  breakdownFilters?: boolean;
  body?: z.ZodType;
  /** Success answers by status code. */
  responses: Record<number, ApiAnswer>;
  /** Error answers by status code (all { error, message }); 401 is added for every non-public endpoint. */
  errors?: Record<number, string>;
};
