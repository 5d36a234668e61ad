// XLSForm `constraint` expressions that map to question settings: `. >= 0 and . <= 100` (number
// min/max), `count-selected(.) <= 3` (most choices), `string-length(.) <= 200` (longest text).
// Anything else is returned as null so the importer lists it. Pure.
export type MappedConstraint = { min?: number; max?: number; maxSelections?: number; maxLength?: number };

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;

export function parseConstraint(source: string, kind: "number" | "multi" | "text"): MappedConstraint | null {
  const parts = source.trim().split(/\s+and\s+/i);
  const out: MappedConstraint = {};
  for (const part of parts) {
    const bound = new RegExp(String.raw`^\.\s*(>=|<=)\s*${NUMBER}$`).exec(part.trim());
    const count = new RegExp(String.raw`^count-selected\(\s*\.\s*\)\s*<=\s*(\d+)$`).exec(part.trim());
    const length = new RegExp(String.raw`^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$`).exec(part.trim());
    if (kind === "number" && bound) out[bound[1] === ">=" ? "min" : "max"] = Number(bound[2]);
    else if (kind === "multi" && count) out.maxSelections = Number(count[1]);
    else if (kind === "text" && length) out.maxLength = Number(length[1]);
    else return null;
  }
  return out;
}
