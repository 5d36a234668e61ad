// Types of lib/http/static-headers.mjs.
type Header = { key: string; value: string };

export const staticHeaderRules: {
  source: string;
  has?: { type: "header"; key: string; value: string }[];
  headers: Header[];
}[];

export function apiAnswerHeaders(forwardedProto: string | null): Header[];
