// Finds real CPython interpreters and runs the dump script over many snippets at once.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DUMP_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/python/cpython_dump.py");

/** The path of a `python3.<minor>` interpreter (pyenv's versions folder first, then PATH), or undefined. */
export function findPython(minor: number): string | undefined {
  const pyenvRoot = process.env["PYENV_ROOT"] ?? path.join(homedir(), ".pyenv");
  const versionsDir = path.join(pyenvRoot, "versions");
  if (existsSync(versionsDir)) {
    const matches = readdirSync(versionsDir)
      .filter((name) => new RegExp(`^3\\.${minor}\\.\\d+$`).test(name))
      .sort((a, b) => Number(b.split(".")[2]) - Number(a.split(".")[2]));
    for (const name of matches) {
      const candidate = path.join(versionsDir, name, "bin", "python");
      if (existsSync(candidate)) return candidate;
    }
  }
  for (const directory of (process.env["PATH"] ?? "").split(path.delimiter)) {
    const candidate = path.join(directory, `python3.${minor}`);
    if (directory && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export type CPythonResult =
  | null
  | { error: { type: string; msg: string; lineno: number | null; offset: number | null; end_lineno: number | null; end_offset: number | null; text: string | null } }
  | { other: string }
  | Record<string, unknown>;

/** Runs CPython once over all `sources`: an AST dump (kind "ast") or the SyntaxError of each. */
export function runCPython(python: string, kind: "ast" | "error" | "warnings", sources: readonly string[], mode = "exec"): CPythonResult[] {
  const output = execFileSync(python, [DUMP_SCRIPT], {
    input: JSON.stringify({ kind, mode, sources }),
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
  });
  return JSON.parse(output.toString("utf8")) as CPythonResult[];
}
