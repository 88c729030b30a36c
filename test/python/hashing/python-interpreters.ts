// Finds real CPython 3.6–3.13 interpreters (pyenv versions folder, then PATH) and runs oracle scripts.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

export interface Interpreter {
  readonly version: { readonly major: number; readonly minor: number };
  readonly label: string;
  readonly executable: string;
}

const WANTED_MINORS = [6, 7, 8, 9, 10, 11, 12, 13];

function pyenvInterpreters(): Map<number, string> {
  const found = new Map<number, string>();
  const root = process.env.PYENV_ROOT ?? join(homedir(), ".pyenv");
  const versionsDir = join(root, "versions");
  if (!existsSync(versionsDir)) return found;
  for (const name of readdirSync(versionsDir).sort()) {
    const match = /^3\.(\d+)\.\d+$/.exec(name);
    if (!match) continue;
    const executable = join(versionsDir, name, "bin", "python");
    if (existsSync(executable)) found.set(Number(match[1]), executable);
  }
  return found;
}

function pathInterpreter(minor: number): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, `python3.${minor}`);
    if (dir !== "" && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every CPython 3.6–3.13 found, oldest first. */
export function findInterpreters(): Interpreter[] {
  const pyenv = pyenvInterpreters();
  const result: Interpreter[] = [];
  for (const minor of WANTED_MINORS) {
    const executable = pyenv.get(minor) ?? pathInterpreter(minor);
    if (executable !== undefined) result.push({ version: { major: 3, minor }, label: `3.${minor}`, executable });
  }
  return result;
}

/**
 * Runs `script` under `interpreter` with PYTHONHASHSEED=0, feeding `input` as JSON on stdin,
 * and parses the JSON it prints. One subprocess per call.
 */
export function runOracle<T>(interpreter: Interpreter, script: string, input: unknown): T {
  const run = spawnSync(interpreter.executable, [script], {
    input: JSON.stringify(input),
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${interpreter.label} oracle ${script} failed (${run.status}): ${run.stderr}`);
  }
  return JSON.parse(run.stdout) as T;
}
