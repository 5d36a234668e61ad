// The ids PostgreSQL's uuid type parses in the 8-4-4-4-12 form: anything else (36 zeros, 36
// dashes, ...) is "not found" before a query, instead of a database error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string) => UUID.test(id);

/** The largest value of PostgreSQL's `integer` (version numbers, revisions). */
export const MAX_PG_INT = 2_147_483_647;
