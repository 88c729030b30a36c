// Interpreter discovery: versions via PATH and pyenv, paths as given, and clear errors when missing.
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverAllInterpreters, resolveInterpreter } from "../../../src/runners/python/discover.js";
import { EngineUnavailableError } from "../../../src/runners/types.js";
import { interpreters, ipythonInterpreter, TESTED_VERSIONS } from "./interpreters.js";

const installed = TESTED_VERSIONS.filter((version) => interpreters.get(version));
const [olderVersion, newerVersion] = [installed[0], installed[installed.length - 1]];

let sandbox: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), "lessonkit-discover-"));
});
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

/** A fresh folder inside the sandbox. */
async function folder(...parts: string[]): Promise<string> {
  const created = path.join(sandbox, ...parts);
  await mkdir(created, { recursive: true });
  return created;
}

async function script(file: string, body: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

/** An environment that sees only the given PATH and pyenv root. */
function isolatedEnv(pathDirectories: string[], pyenvRoot: string): NodeJS.ProcessEnv {
  return { PATH: pathDirectories.join(path.delimiter), PYENV_ROOT: pyenvRoot, HOME: sandbox };
}

describe("resolveInterpreter on this machine", () => {
  it.each(installed)("finds Python %s and asks it for its full version", async (version) => {
    const found = await resolveInterpreter(version);
    expect(found.version.startsWith(`${version}.`)).toBe(true);
    expect(found.implementation).toBe("cpython");
    expect(path.isAbsolute(found.executable)).toBe(true);
  });

  it.skipIf(!olderVersion)("uses an executable path as given", async () => {
    const real = interpreters.get(olderVersion!)!;
    const found = await resolveInterpreter(real.executable);
    expect(found.executable).toBe(real.executable);
    expect(found.version).toBe(real.version);
  });

  it.skipIf(!ipythonInterpreter)("reports the installed IPython's version, which the cache keys on", () => {
    expect(ipythonInterpreter!.ipythonVersion).toMatch(/^\d+\.\d+/);
    for (const interpreter of interpreters.values()) if (interpreter && !interpreter.hasIPython) expect(interpreter.ipythonVersion).toBeNull();
  });

  it.skipIf(!olderVersion)("matches an exact patch version", async () => {
    const real = interpreters.get(olderVersion!)!;
    expect((await resolveInterpreter(real.version)).version).toBe(real.version);
  });
});

const POSIX = process.platform !== "win32";
const controlledTitle = POSIX
  ? "resolveInterpreter in a controlled environment"
  : "resolveInterpreter with fake interpreters: skipped, needs /bin/sh scripts";
const inventoryTitle = POSIX ? "discoverAllInterpreters" : "discoverAllInterpreters: skipped, needs /bin/sh scripts";

describe.skipIf(!olderVersion || !newerVersion || !POSIX)(controlledTitle, () => {
  it("takes python3 from PATH when no --python is given", async () => {
    const bin = await folder("default-python", "bin");
    await symlink(interpreters.get(newerVersion!)!.executable, path.join(bin, "python3"));
    const found = await resolveInterpreter(undefined, { env: isolatedEnv([bin], await folder("default-python", "pyenv")) });
    expect(found.version).toBe(interpreters.get(newerVersion!)!.version);
    expect(found.foundAt).toBe(path.join(bin, "python3"));
  });

  it("skips a broken python3.X on PATH and falls back to $PYENV_ROOT/versions", async () => {
    const real = interpreters.get(olderVersion!)!;
    const bin = await folder("fallback", "bin");
    await script(path.join(bin, `python${olderVersion}`), "echo 'pyenv: not activated' >&2; exit 127");
    const root = await folder("fallback", "pyenv");
    const versionFolder = path.join(root, "versions", `${real.version}`, "bin");
    await mkdir(versionFolder, { recursive: true });
    await symlink(real.executable, path.join(versionFolder, "python"));
    const found = await resolveInterpreter(olderVersion!, { env: isolatedEnv([bin], root) });
    expect(found.version).toBe(real.version);
    expect(found.foundAt).toBe(path.join(versionFolder, "python"));
  });

  it("says what it looked for, where, what failed and what to do when a version is missing", async () => {
    const bin = await folder("missing", "bin");
    await script(path.join(bin, "python3.99"), "echo 'Segmentation fault' >&2; exit 139");
    const root = await folder("missing", "pyenv");
    const attempt = resolveInterpreter("3.99", { env: isolatedEnv([bin], root) });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnavailableError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain("No usable Python 3.99 was found.");
    expect(message).toContain(`Looked for python3.99 on PATH (${bin})`);
    expect(message).toContain(path.join(root, "versions", "3.99.*", "bin", "python"));
    expect(message).toContain(`${path.join(bin, "python3.99")}: exited with code 139 (Segmentation fault)`);
    expect(message).toContain("pyenv install 3.99");
  });

  it("rejects a path that is not a usable interpreter, saying why", async () => {
    const noise = await script(path.join(await folder("noise"), "python"), "echo hello");
    await expect(resolveInterpreter(noise, { env: isolatedEnv([], sandbox) })).rejects.toThrow(
      /cannot be used as the Python interpreter \(printed something that is not a version report/,
    );
    const ghost = path.join(sandbox, "no-such-python");
    await expect(resolveInterpreter(ghost, { env: isolatedEnv([], sandbox) })).rejects.toThrow(
      `${ghost} cannot be used as the Python interpreter (does not exist)`,
    );
  });
});

describe.skipIf(!olderVersion || !newerVersion || olderVersion === newerVersion || !POSIX)(inventoryTitle, () => {
  it("lists each version once, oldest first, and the unusable ones with their reason", async () => {
    const older = interpreters.get(olderVersion!)!;
    const newer = interpreters.get(newerVersion!)!;
    const bin = await folder("inventory", "bin");
    await symlink(newer.executable, path.join(bin, "python3"));
    await symlink(newer.executable, path.join(bin, `python${newerVersion}`));
    await script(path.join(bin, "python3.98"), "echo 'cannot start' >&2; exit 1");
    const root = await folder("inventory", "pyenv");
    // A shim is never run: it only dispatches to versions/, which is listed directly.
    await script(path.join(root, "shims", "python3.97"), "exit 1");
    const olderFolder = await folder("inventory", "pyenv", "versions", older.version, "bin");
    await symlink(older.executable, path.join(olderFolder, "python"));
    await script(
      path.join(root, "versions", "2.7.18", "bin", "python"),
      `echo '{"version": "2.7.18", "executable": "", "implementation": "unknown", "ipython": false}'`,
    );
    await script(
      path.join(root, "versions", "pypy3.10-7.3.12", "bin", "python"),
      `echo '{"version": "3.10.12", "executable": "", "implementation": "pypy", "ipython": false}'`,
    );

    const inventory = await discoverAllInterpreters({ env: isolatedEnv([bin, path.join(root, "shims")], root) });

    expect(inventory.usable.map((entry) => entry.version)).toEqual([older.version, newer.version]);
    expect(inventory.usable[1]!.foundAt).toBe(path.join(bin, "python3"));
    expect(inventory.usable[1]!.alsoFoundAt).toEqual([path.join(bin, `python${newerVersion}`)]);
    expect(inventory.unusable).toEqual([
      { path: path.join(bin, "python3.98"), reason: "exited with code 1 (cannot start)" },
      {
        path: path.join(root, "versions", "2.7.18", "bin", "python"),
        reason: "Python 2.7.18 is too old: lessonkit needs CPython 3.6 or newer",
      },
      {
        path: path.join(root, "versions", "pypy3.10-7.3.12", "bin", "python"),
        reason: "pypy 3.10.12 is not CPython: lessonkit checks CPython's memory model",
      },
    ]);
  });

  it("finds every tested version installed on this machine", async () => {
    const inventory = await discoverAllInterpreters();
    const versions = inventory.usable.map((entry) => entry.version);
    for (const version of installed) expect(versions).toContain(interpreters.get(version)!.version);
  });
});
