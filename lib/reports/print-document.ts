// The HTML page Chromium prints a report from: the report's markup (rendered by the app's own
// React components, the same ones the report page shows) with the Noto Sans SC font of the
// @fontsource package declared through @font-face, so the PDF shows Chinese on a server that has
// no CJK font installed (docs/decisions/024-report-pdf-with-chromium.md).
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { ReactElement } from "react";
import type { Locale } from "@/lib/questionnaire/definition-schema";
import { PdfUnavailableError } from "./pdf-unavailable-error";

/**
 * Where Chromium loads the page and its fonts from: a reserved name (RFC 2606) that never
 * resolves. The renderer answers every request to it itself and refuses all others.
 */
export const PRINT_ORIGIN = "http://report.invalid";
export const PRINT_FONT_PATH = "/fonts/";
const FONT_PACKAGE = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-sc");
/** Body text and headings. */
const FONT_WEIGHTS = [400, 700];
/** The package's file names: "noto-sans-sc-57-400-normal.woff2". */
const FONT_FILE = /^noto-sans-sc-[a-z0-9-]+\.woff2$/;

let fontFaces: Promise<string> | undefined;

/**
 * The package's @font-face rules, one per Unicode range, pointed at PRINT_ORIGIN: Chromium
 * fetches only the ranges the report uses (a few hundred kB of the package's 76 MB), and embeds
 * their glyphs in the PDF.
 */
function fontFaceCss(): Promise<string> {
  fontFaces ??= Promise.all(
    FONT_WEIGHTS.map((weight) => fs.readFile(path.join(FONT_PACKAGE, `${weight}.css`), "utf8")),
  ).then(
    (sheets) =>
      sheets
        .join("\n")
        .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, "")
        .replaceAll("url(./files/", `url(${PRINT_FONT_PATH}`),
    (error) => {
      // Read again next time: the package may be installed by then.
      fontFaces = undefined;
      console.error(error);
      throw new PdfUnavailableError(
        "The report's font (@fontsource/noto-sans-sc) is not installed on this server (npm install).",
      );
    },
  );
  return fontFaces;
}

/** One font file of the package by its name, or null for any other name. */
export async function printFont(name: string): Promise<Buffer | null> {
  if (!FONT_FILE.test(name)) return null;
  return fs.readFile(path.join(FONT_PACKAGE, "files", name)).catch(() => null);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export async function printDocument({
  body,
  locale,
  title,
}: {
  body: ReactElement;
  locale: Locale;
  title: string;
}): Promise<string> {
  // Loaded by Node at run time, not bundled: Next's server bundle resolves react-dom/server to a
  // module that refuses to load in route handlers (it is meant for pages). The report components
  // are plain functions without hooks, so the app's React elements render with it unchanged.
  const { renderToStaticMarkup } = await import(
    /* turbopackIgnore: true */ /* webpackIgnore: true */ "react-dom/server"
  );
  const markup = renderToStaticMarkup(body);
  return [
    "<!DOCTYPE html>",
    `<html lang="${locale === "zh" ? "zh-CN" : "en"}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${await fontFaceCss()}</style></head>`,
    `<body>${markup}</body>`,
    "</html>",
  ].join("\n");
}
