// Debian's Chromium where present: downloading Playwright's own browser is not possible on every
// machine. The flags keep it from reaching for Google's services on a closed network.
import fs from "node:fs";

const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export const chromiumLaunchOptions = systemChromium
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : undefined;
