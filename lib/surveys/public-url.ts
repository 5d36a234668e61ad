// Absolute addresses of a survey for links, QR codes and invitation letters: the configured public
// URL (NEXTAUTH_URL) when set, else the address this request came in on.
import "server-only";
import { headers } from "next/headers";
import QRCode from "qrcode";

/** API routes pass their request's headers; pages and actions read them from Next. */
export async function publicBaseUrl(requestHeaders?: Headers): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const h = requestHeaders ?? (await headers());
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto =
    h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export const respondentPath = (slug: string, token?: string) =>
  `/s/${encodeURIComponent(slug)}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

/** Whether a requested path is one of the pages firms fill in (proxy.ts passes the path on). */
export const isRespondentPath = (path: string | null) => path?.startsWith("/s/") ?? false;

/** The QR code of a link as SVG markup, drawn on the server so no script is needed to show it. */
export async function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
