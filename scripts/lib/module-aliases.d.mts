// Types of scripts/lib/module-aliases.mjs.
type Alias = { specifier: string; file: string };
export const FORMAT_MESSAGE: Alias;
export const SERVER_ONLY: Alias;
