// Tests that read exports back with Debian's command-line readers (pspp, readstat, xmllint).
// Where a tool is missing they are skipped on a developer's machine, but fail under CI=true:
// .ci/run installs the tools, so a missing one there is a broken set-up, not a reason to pass.
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
  if (process.env.CI === "true")
    return describe(name, () =>
      it(`needs ${command}`, () => {
        throw new Error(`${command} is not installed (apt-get install -y ${debianPackage}); .ci/run installs it`);
      }),
    );
  return describe.skip(`${name} (${command} not installed)`, body);
}
