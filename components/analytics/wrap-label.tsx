// Category labels of horizontal bar charts wrap onto lines that fit the axis, instead of being cut
// ("Support from national prefe…") or running off the left edge (long Chinese labels). SVG text
// does not wrap, and the chart is laid out before it is drawn, so widths are estimated: a CJK
// character is one em wide, other characters at most about 0.6 em in the interface's fonts.
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef";
const WIDE = new RegExp(`[${CJK}]`);
/** Closing punctuation never starts a line: it stays with the character before it. */
const CLOSING = "）」』】〕〉》，。、；：！？";
/** Words keep their following spaces; a CJK character is a unit of its own. */
const UNITS = new RegExp(`[${CJK}][${CLOSING}]*|[^\\s${CJK}]+\\s*|\\s+`, "g");
const isWide = (ch: string) => WIDE.test(ch);
/** The estimated width in px of `text` at `fontSize`. */
export const textWidth = (text: string, fontSize: number) =>
  [...text].reduce((sum, ch) => sum + (isWide(ch) ? fontSize : fontSize * 0.6), 0);

/** The lines of `text` that each fit `maxWidth` px: breaks between words, or between CJK characters. */
export function wrapLabel(text: string, maxWidth: number, fontSize: number): string[] {
  const units = text.match(UNITS) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const unit of units) {
    if (line && textWidth((line + unit).trimEnd(), fontSize) > maxWidth) {
      lines.push(line.trimEnd());
      line = "";
    }
    // A single word longer than the line is broken between its characters.
    for (const ch of textWidth(unit.trimEnd(), fontSize) > maxWidth ? [...unit] : [unit]) {
      if (line && textWidth((line + ch).trimEnd(), fontSize) > maxWidth) {
        lines.push(line.trimEnd());
        line = "";
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [""];
}

export const LINE_HEIGHT = 1.2;

/** The height a row needs for the longest of `labels` wrapped, and at least `minimum`. */
export function rowHeight(labels: string[], maxWidth: number, fontSize: number, minimum: number): number {
  const lines = Math.max(1, ...labels.map((l) => wrapLabel(l, maxWidth, fontSize).length));
  return Math.max(minimum, Math.ceil(lines * fontSize * LINE_HEIGHT + 8));
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown }; className?: string };

/** A y-axis tick for recharts whose label wraps to `maxWidth`, centred on its bar. */
export function wrappedTick(maxWidth: number, fontSize: number) {
  function WrappedTick({ x, y, payload, className }: TickProps) {
    const lines = wrapLabel(String(payload?.value ?? ""), maxWidth, fontSize);
    const lineHeight = fontSize * LINE_HEIGHT;
    return (
      <text className={className} x={Number(x)} y={Number(y)} textAnchor="end" fontSize={fontSize} fill="#334155">
        {lines.map((line, i) => (
          <tspan
            key={i}
            x={Number(x)}
            dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35 : lineHeight}
          >
            {line}
          </tspan>
        ))}
      </text>
    );
  }
  return WrappedTick;
}
