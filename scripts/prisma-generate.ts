// Runs `prisma generate` without letting the CLI download a native schema engine (it is not
// needed to generate the client; see prisma/engine/schema-engine).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const engine = path.resolve("prisma/engine/schema-engine");
const result = spawnSync(
  process.execPath,
  [createRequire(import.meta.url).resolve("prisma/build/index.js"), "generate"],
  {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
);
process.exit(result.status ?? 1);
