// Lint: Next's rules, typescript-eslint, and the layers of the code (docs/decisions/008):
// app/ → components/ → lib/, never back; components/ui knows no domain; client components
// never reach server-only modules.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import clientServerBoundary from "./eslint/client-server-boundary.mjs";

const layer = (message, ...groups) => ({ group: groups, message });

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    plugins: { layers: { rules: { "client-server-boundary": clientServerBoundary } } },
    rules: {
      "layers/client-server-boundary": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer(
              "lib/ is the bottom layer: it never imports app/ or components/.",
              "@/app/*",
              "@/components/*",
              "**/app/**",
              "**/components/**",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    ignores: ["components/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [layer("components/ never import app/ (routes).", "@/app/*", "**/app/**")] },
      ],
    },
  },
  {
    files: ["components/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer(
              "components/ui holds domain-free primitives: no app/, no feature components, no lib/<domain>.",
              "@/app/*",
              "**/app/**",
              "@/components/!(ui)/**",
              "@/lib/!(utils)",
              "@/lib/!(utils)/**",
            ),
          ],
        },
      ],
    },
  },
];

export default config;
