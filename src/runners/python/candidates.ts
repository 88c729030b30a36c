// Where interpreters may live: commands on PATH and pyenv's versions folder (names only, nothing run).
import { constants as fsConstants } from "node:fs";
import { access, readdir, stat } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";

const WINDOWS = process.platform === "win32";

export function pathDirectories(env: NodeJS.ProcessEnv): string[] {
  const value = env.PATH ?? env.Path ?? "";
  return value.split(path.delimiter).filter((entry) => entry !== "");
}

/** `$PYENV_ROOT`, else `~/.pyenv`. */
export function pyenvRoot(env: NodeJS.ProcessEnv): string {
  return env.PYENV_ROOT && env.PYENV_ROOT !== "" ? env.PYENV_ROOT : path.join(env.HOME || homedir(), ".pyenv");
}

/** pyenv's shims only dispatch to `versions/`, and fail for versions that are not activated. */
export function isPyenvShim(file: string, env: NodeJS.ProcessEnv): boolean {
  return path.dirname(path.resolve(file)) === path.join(path.resolve(pyenvRoot(env)), "shims");
}

export async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    await access(file, WINDOWS ? fsConstants.F_OK : fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every executable called `command` on PATH, in PATH order (like `which -a`). */
export async function findAllOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const names = WINDOWS && !command.toLowerCase().endsWith(".exe") ? [command, `${command}.exe`] : [command];
  const found: string[] = [];
  for (const directory of pathDirectories(env)) {
    for (const name of names) {
      const file = path.join(directory, name);
      if (!found.includes(file) && (await isExecutableFile(file))) found.push(file);
    }
  }
  return found;
}

const PYTHON3_COMMAND = WINDOWS ? /^python3(\.\d+)?(\.exe)?$/i : /^python3(\.\d+)?$/;

/** `python3` and `python3.X` commands in every PATH directory, in PATH order. */
export async function listPython3CommandsOnPath(env: NodeJS.ProcessEnv): Promise<string[]> {
  const found: string[] = [];
  for (const directory of pathDirectories(env)) {
    let entries: string[];
    try {
      entries = await readdir(directory);
    } catch {
      continue;
    }
    for (const name of entries.filter((entry) => PYTHON3_COMMAND.test(entry)).sort(compareCommandNames)) {
      const file = path.join(directory, name);
      if (!found.includes(file) && (await isExecutableFile(file))) found.push(file);
    }
  }
  return found;
}

function compareCommandNames(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

export interface PyenvVersionFolder {
  /** The folder name under `versions/`, e.g. "3.11.7", "3.13.0t", "pypy3.10-7.3.12". */
  readonly name: string;
  /** `versions/<name>/bin/python`. */
  readonly executable: string;
}

/** Every pyenv-installed version that has a `bin/python`, sorted by name (numerically). */
export async function listPyenvVersions(env: NodeJS.ProcessEnv): Promise<PyenvVersionFolder[]> {
  const versionsFolder = path.join(pyenvRoot(env), "versions");
  let names: string[];
  try {
    names = await readdir(versionsFolder);
  } catch {
    return [];
  }
  const folders: PyenvVersionFolder[] = [];
  for (const name of names.sort(compareCommandNames)) {
    const executable = WINDOWS
      ? path.join(versionsFolder, name, "python.exe")
      : path.join(versionsFolder, name, "bin", "python");
    if (await isExecutableFile(executable)) folders.push({ name, executable });
  }
  return folders;
}

export function pyenvVersionsPattern(env: NodeJS.ProcessEnv, versionGlob: string): string {
  return WINDOWS
    ? path.join(pyenvRoot(env), "versions", versionGlob, "python.exe")
    : path.join(pyenvRoot(env), "versions", versionGlob, "bin", "python");
}
