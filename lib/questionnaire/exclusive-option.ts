// Which options of a multi question stand alone. Type imports only, so the respondent's page can
// use it without loading the definition schema (and zod) in the browser.
import type { OptionDefinition } from "./definition-schema";

/**
 * Whether choosing the option excludes every other: marked exclusive ("none of these"), or
 * "don't know / refused", which contradicts any substantive choice by itself.
 */
export const isExclusiveOption = (o: OptionDefinition | undefined) => Boolean(o?.exclusive || o?.nonSubstantive);
