// A chart as a file that stands on its own: an SVG drawing (recharts' own <svg>, with the survey,
// chart, filter, base, date and notes as SVG text around it, so Inkscape or Illustrator can edit
// every part) and a PNG painted from that SVG. Browser-only.
import { textWidth as estimatedWidth, wrapLabel } from "./wrap-label";

export type LegendItem = { label: string; colour: string };

export type ChartImageParts = {
  /** Bold lines first (survey, chart title), then plain ones (filter and base, date). */
  headings: string[];
  details: string[];
  chart: SVGSVGElement | null;
  legend: LegendItem[];
  notes: string;
};

const PAD = 16;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** The figure as a standalone SVG document, with its size. */
export function chartSvg({ headings, details, chart, legend, notes }: ChartImageParts) {
  const box = chart?.getBoundingClientRect();
  const width = Math.max(480, Math.ceil(box?.width ?? 0) + 2 * PAD);
  const textWidth = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const lines = (texts: string[], size: number, weight: number, colour: string) => {
    for (const line of texts.flatMap((text) => wrapLabel(text, textWidth, size))) {
      y += size * 1.35;
      parts.push(
        `<text x="${PAD}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(line)}</text>`,
      );
    }
    y += size * 0.35;
  };
  lines(headings.slice(0, 1), 16, 700, "#0f172a");
  lines(headings.slice(1), 14, 600, "#0f172a");
  lines(details, 12, 400, "#334155");
  if (chart && box) {
    y += 8;
    const copy = chart.cloneNode(true) as SVGSVGElement;
    copy.removeAttribute("style");
    copy.removeAttribute("class");
    for (const [name, value] of Object.entries({ x: PAD, y, width: box.width, height: box.height }))
      copy.setAttribute(name, String(value));
    parts.push(new XMLSerializer().serializeToString(copy));
    y += box.height;
  }
  if (legend.length) {
    y += 8;
    let x = PAD;
    for (const item of legend) {
      parts.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${item.colour}"/>`);
      parts.push(`<text x="${x + 14}" y="${y + 9}" font-size="12" fill="#334155">${escapeXml(item.label)}</text>`);
      x += 14 + estimatedWidth(item.label, 12) + 16;
    }
    y += 14;
  }
  if (notes) lines([notes], 11, 400, "#475569");
  const height = Math.ceil(y + PAD);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
  return { svg, width, height };
}

/** The SVG painted at twice its size, as PNG. */
export function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d")!;
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("The chart could not be painted"))),
        "image/png",
      );
    };
    image.onerror = () => reject(new Error("The chart's drawing could not be read"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
