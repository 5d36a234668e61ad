// What a saved draft must look like so the designer can open it again. A draft may be unfinished
// (empty labels, a showIf still pointing nowhere), so it is checked for shape only; publishing
// checks it against the full QuestionnaireDefinitionSchema. Browser-safe.
import { z } from "zod";
import { DEFINITION_FORMAT } from "./definition-schema";

export const MAX_DRAFT_BYTES = 1_000_000;

const Item = z.object({ code: z.string().max(64) }).passthrough();

export const DraftShapeSchema = z
  .object({
    format: z.literal(DEFINITION_FORMAT),
    code: z.string(),
    title: z.object({}).passthrough(),
    locales: z.array(z.string()),
    factors: z.array(Item).max(500).default([]),
    sections: z
      .array(
        Item.extend({
          questions: z
            .array(Item.extend({ type: z.enum(["single", "multi", "rank", "scale", "matrix", "number", "text"]) }))
            .max(500),
        }),
      )
      .max(200),
  })
  .passthrough();
