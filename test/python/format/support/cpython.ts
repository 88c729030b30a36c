// Finds real CPython interpreters and runs oracle cases through one subprocess per batch.

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PythonInterpreter {
  readonly executable: string;
  readonly minor: number;
  readonly patch: number;
}

const ORACLE = fileURLToPath(new URL("./oracle.py", import.meta.url));

/** The interpreter for 3.<minor>: pyenv's versions folder first, then python3.<minor> on PATH. */
export function findPython(minor: number): PythonInterpreter | undefined {
  const versionsFolder = join(process.env.PYENV_ROOT ?? join(homedir(), ".pyenv"), "versions");
  if (existsSync(versionsFolder)) {
    const pattern = new RegExp(`^3\\.${minor}\\.(\\d+)$`);
    const found = readdirSync(versionsFolder)
      .map((name) => ({ name, match: pattern.exec(name) }))
      .filter((entry) => entry.match !== null)
      .sort((a, b) => Number(b.match![1]) - Number(a.match![1]));
    for (const entry of found) {
      const executable = join(versionsFolder, entry.name, "bin", "python");
      if (existsSync(executable)) return { executable, minor, patch: Number(entry.match![1]) };
    }
  }
  try {
    const executable = `python3.${minor}`;
    const version = execFileSync(executable, ["-c", "import sys; print(sys.version_info[2])"], {
      encoding: "utf8",
    });
    return { executable, minor, patch: Number(version.trim()) };
  } catch {
    return undefined;
  }
}

/** Every interpreter from 3.6 to 3.14 that is installed. */
export function findAllPythons(): PythonInterpreter[] {
  const found: PythonInterpreter[] = [];
  for (let minor = 6; minor <= 14; minor++) {
    const python = findPython(minor);
    if (python !== undefined) found.push(python);
  }
  return found;
}

export type OracleResult = { ok: unknown } | { err: [string, string] };

export interface OracleCase {
  readonly op: string;
  readonly args: readonly unknown[];
}

/** Runs all cases in one CPython process; results come back in order. */
export function runOracle(python: PythonInterpreter, cases: readonly OracleCase[]): OracleResult[] {
  const output = execFileSync(python.executable, [ORACLE], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
  });
  return (JSON.parse(output) as { results: OracleResult[] }).results;
}
