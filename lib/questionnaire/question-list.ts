// The questions of a definition in order. Browser-safe and free of the zod schema module on
// purpose: the respondent form runs the answer rules in the browser, and importing
// definition-schema.ts at run time would add all of zod to the page's first-load JavaScript.
import type { QuestionDefinition, SectionDefinition } from "./definition-schema";

export function questionsOf(def: { sections: SectionDefinition[] }): QuestionDefinition[] {
  return def.sections.flatMap((section) => section.questions);
}
