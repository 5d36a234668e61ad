// The code a researcher gives a new questionnaire, blank or from a template. Browser-safe.
import { z } from "zod";

/** Same rule as a definition's code (definition-schema.ts), with the form's error key. */
export const NewQuestionnaireCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "codeFormat");
