// Which failures mean "the database cannot be reached right now" (down, restarting, stalled,
// out of connections) rather than a bug: callers answer those with 503 and Retry-After.

/** Prisma's error codes for an unreachable server, a lost connection or an exhausted pool. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** What adapter-pg reports for a connection it could not make or keep. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
/** SQLSTATEs: statement timeout, server shutting down or starting up, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57014", "57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout/;

type Inspectable = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Inspectable | undefined, depth = 0; e && depth < 5; e = e.cause as Inspectable, depth++) {
    if (typeof e !== "object") return false;
    const code = typeof e.code === "string" ? e.code : "";
    if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))
      return true;
    const adapter = e.meta?.driverAdapterError?.cause;
    if (adapter && (UNAVAILABLE_ADAPTER_KINDS.has(adapter.kind ?? "") || UNAVAILABLE_SQLSTATES.has(adapter.code ?? "")))
      return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  }
  return false;
}

type UniqueViolation = {
  code?: string;
  meta?: { driverAdapterError?: { cause?: { kind?: string; constraint?: { index?: string } } } };
};

/**
 * A unique violation, from a Prisma write (P2002) or a raw statement (P2010 from the driver
 * adapter). `index` narrows a raw statement's violation to that unique index.
 */
export function isUniqueViolation(e: unknown, index?: string): boolean {
  const error = e as UniqueViolation | null;
  if (error?.code === "P2002") return index === undefined;
  const cause = error?.code === "P2010" ? error.meta?.driverAdapterError?.cause : undefined;
  return cause?.kind === "UniqueConstraintViolation" && (index === undefined || cause.constraint?.index === index);
}
