// Tests that read exports back with Debian's command-line readers (pspp, readstat, xmllint).
// Where a tool is missing they fail, saying which package to install: a test that passes
// without its reader would prove nothing (.ci/run installs them).
import { spawnSync } from "node:child_process";
import { describe, it } from "vitest";

export const hasCommand = (command: string) =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/** Runs a command and returns its standard output; fails with its standard error. */
export function runCommand(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

export function describeWithCommand(command: string, debianPackage: string, name: string, body: () => void) {
  if (hasCommand(command)) return describe(name, body);
  return describe(name, () =>
    it(`needs ${command}`, () => {
      throw new Error(`${command} is not installed (apt-get install -y ${debianPackage}); .ci/run installs it`);
    }),
  );
}
