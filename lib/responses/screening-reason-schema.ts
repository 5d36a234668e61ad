// The reason a researcher gives when marking a response invalid. Browser-safe; messages are keys
// of the "responses.errors" messages.
import { z } from "zod";

export const ScreeningReasonSchema = z.string().trim().min(3, "reasonRequired").max(500, "reasonTooLong");
