// Query parameters of the XLSForm endpoints. Browser-safe.
import { z } from "zod";

export const XlsformImportQuerySchema = z.object({
  /** One of the caller's organizations by slug; the current one when absent. */
  organization: z.string().min(1).max(100).optional(),
});

export const XlsformExportQuerySchema = z.object({
  /** A published version's number; the draft when absent. */
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});
