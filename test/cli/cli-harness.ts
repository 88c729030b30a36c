// Runs the command line in-process with captured streams, for the CLI tests.
import { main } from "../../src/cli/main.js";
import type { CommandIo } from "../../src/cli/io.js";
import { discoverAllInterpreters, type InterpreterInfo } from "../../src/runners/python/index.js";

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let out = "";
  let err = "";
  const io: CommandIo = {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (err += chunk) },
    cwd: process.cwd(),
  };
  const code = await main(argv, io);
  return { code, out, err };
}

let inventory: Promise<readonly InterpreterInfo[]> | undefined;

/** Every CPython installed here (PATH and pyenv), oldest first. */
export function installedInterpreters(): Promise<readonly InterpreterInfo[]> {
  inventory ??= discoverAllInterpreters().then((found) => found.usable);
  return inventory;
}
