// WCAG contrast of text the browser draws, measured in the page: for SVG text, the fill; for HTML,
// the colour; against the first opaque background among its ancestors (white when none). Colours
// are read back through a canvas, since Tailwind's are oklch() and only the browser converts them.
import type { Locator } from "@playwright/test";

type Contrast = { text: string; colour: string; background: string; ratio: number };

/** The contrast of each element of `texts` that shows text. */
function contrasts(texts: Locator): Promise<Contrast[]> {
  return texts.evaluateAll((elements) => {
    const context = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgb = (colour: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    };
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour)
        .slice(0, 3)
        .map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = (el: Element | null): string => {
      for (; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (rgb(colour)[3] === 255) return colour;
      }
      return "#ffffff";
    };
    return elements
      .filter((el) => el.textContent?.trim())
      .map((el) => {
        const style = getComputedStyle(el);
        const colour = el instanceof SVGElement ? style.fill : style.color;
        const [fg, bg] = [luminance(colour), luminance(background(el))];
        return {
          text: el.textContent!.trim().slice(0, 40),
          colour,
          background: background(el),
          ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
        };
      });
  });
}

/** The texts among `texts` under AA's 4.5:1. */
export const lowContrast = async (texts: Locator) => (await contrasts(texts)).filter((c) => c.ratio < 4.5);
