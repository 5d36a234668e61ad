// Migrations through Prisma's own schema engine compiled to WebAssembly, driven through the
// `pg` driver adapter. The Prisma CLI would download a native engine binary at first use, which
// fails offline and is slow or blocked in many of our users' networks.
// Decision record: docs/decisions/001-migrations-without-engine-download.md.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const NO_FILTERS = { externalTables: [], externalEnums: [] };
const PG_CHAR_OID = 18;
const PG_BPCHAR_OID = 1042;

type Engine = wasmBindings.SchemaEngine;
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  // The package is built for bundlers (`import * as wasm from "./x.wasm"`); Node needs it instantiated by hand.
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  return wasmReady;
}

let charPatched = false;
/**
 * The engine reads catalog columns of PostgreSQL's one-byte `"char"` type, which the pg adapter
 * refuses ("Column type 'char' could not be deserialized"); reported as bpchar they read as text.
 */
async function patchCharColumns(factory: PrismaPg) {
  if (charPatched) return;
  const probe = await factory.connect();
  let proto = Object.getPrototypeOf(probe);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  const performIO = proto.performIO;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_BPCHAR_OID;
    return result;
  };
  // The adapter also splits scripts on ";", which cuts hand-written functions ($$ … ; … $$) apart:
  // PostgreSQL runs a multi-statement script sent whole.
  let scriptProto = Object.getPrototypeOf(probe);
  while (scriptProto && !Object.hasOwn(scriptProto, "executeScript")) scriptProto = Object.getPrototypeOf(scriptProto);
  scriptProto.executeScript = async function (
    this: { client: pg.ClientBase; onError(e: unknown): never },
    script: string,
  ) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  await probe.dispose();
  charPatched = true;
}

/**
 * The adapter's own shadow database keeps the connection string's database name (so it would
 * point at the main database) and drops the database before closing its pool; this one does neither.
 */
function shadowAwareFactory(url: string, opened: { dispose(): Promise<void> }[]) {
  const factory = new PrismaPg({ connectionString: url });
  return Object.assign(Object.create(Object.getPrototypeOf(factory)), factory, {
    async connect() {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const name = `shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const shadow = new PrismaPg({ connectionString: withDatabase(url, name) });
      const adapter = await shadow.connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      };
      return adapter;
    },
  }) as PrismaPg;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's `postgres` database (CREATE/DROP DATABASE). */
export async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const found = await adminQuery(url, `SELECT 1 FROM pg_database WHERE datname = '${name.replaceAll("'", "''")}'`);
  if (found.rowCount === 0) await adminQuery(url, `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
}

/**
 * How long one engine operation may take. A WebAssembly engine whose future never settles (a
 * dropped connection it does not notice, a panic inside a callback) would otherwise hang its caller
 * without a word; this turns that into an error that names the operation.
 */
const ENGINE_DEADLINE_MS = Number(process.env.SCHEMA_ENGINE_TIMEOUT_MS ?? 180_000);

async function withEngine<T>(
  operation: string,
  url: string,
  run: (engine: Engine, schema: string) => Promise<T>,
): Promise<T> {
  await loadWasm();
  // The engine does not close its connections when freed; they would keep the database busy
  // (it could not then serve as a template) and keep the process alive.
  const opened: { dispose(): Promise<void> }[] = [];
  const factory = shadowAwareFactory(url, opened);
  await patchCharColumns(factory);
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The schema engine's ${operation} did not finish within ${ENGINE_DEADLINE_MS / 1000} s.`)),
      ENGINE_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([run(engine, schema), deadline]);
  } finally {
    clearTimeout(timer);
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}

/** The migration folders of `dir`, in name order (`upTo`: only those named before it). */
function migrationsList(dir = MIGRATIONS_DIR, upTo?: string) {
  const dirs = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((d) => fs.existsSync(path.join(dir, d, "migration.sql")) && (!upTo || d < upTo))
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

/**
 * Applies pending migrations (like `prisma migrate deploy`); returns the names applied. `upTo`
 * stops before the migration of that name (benchmarks compare a schema with the one before it).
 */
export async function applyMigrations(url: string, upTo?: string): Promise<string[]> {
  await ensureDatabase(url);
  return withEngine("migration", url, async (engine) => {
    const out = await engine.applyMigrations({
      migrationsList: migrationsList(MIGRATIONS_DIR, upTo),
      filters: NO_FILTERS,
    });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the migrations' schema to schema.prisma; empty when they agree. */
export async function pendingSchemaChanges(url: string): Promise<string> {
  return withEngine("schema diff", url, async (engine, schema) => {
    const out = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  });
}

/** Writes a new migration folder with the changes schema.prisma makes to the migrations. */
export async function createMigration(url: string, name: string): Promise<string | null> {
  const sql = await pendingSchemaChanges(url);
  if (!sql.trim()) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  return dir;
}
