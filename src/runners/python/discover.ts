// Resolves `--python VER|EXE` to a working CPython, and lists every interpreter installed.
import path from "node:path";
import { compareVersions, parseVersion, type PythonVersion } from "../../versions/version.js";
import { EngineUnavailableError } from "../types.js";
import {
  findAllOnPath,
  isPyenvShim,
  listPyenvVersions,
  listPython3CommandsOnPath,
  pathDirectories,
  pyenvVersionsPattern,
} from "./candidates.js";
import { probeInterpreter, unsuitability, type ProbeReport } from "./probe.js";

export interface InterpreterInfo {
  /** The file the driver is started with. */
  readonly executable: string;
  /** Where it was found: the PATH entry, pyenv folder or path given (may be a shim). */
  readonly foundAt: string;
  /** Full version, e.g. "3.11.7". */
  readonly version: string;
  readonly parsedVersion: PythonVersion;
  readonly implementation: string;
  readonly hasIPython: boolean;
  /** IPython's version as the probe found it (null without IPython). */
  readonly ipythonVersion: string | null;
  /** Other places the same version was found (discoverAllInterpreters only). */
  readonly alsoFoundAt?: readonly string[];
}

export interface UnusableInterpreter {
  readonly path: string;
  readonly reason: string;
}

export interface InterpreterInventory {
  /** One entry per full version, oldest first. */
  readonly usable: readonly InterpreterInfo[];
  readonly unusable: readonly UnusableInterpreter[];
}

export interface DiscoveryOptions {
  /** Environment to search (PATH, PYENV_ROOT, HOME); default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

const VERSION_REQUEST = /^\d+\.\d+(\.\d+)?$/;
const PROBE_CONCURRENCY = 4;

/**
 * `request` is a version ("3.11": `python3.11` on PATH, else pyenv's `versions/3.11.*`, newest
 * first; "3.11.7" must match exactly), a path (used as is), a command name looked up on PATH,
 * or absent (`python3` on PATH). Throws EngineUnavailableError saying what was looked for.
 */
export async function resolveInterpreter(request?: string, options: DiscoveryOptions = {}): Promise<InterpreterInfo> {
  const env = options.env ?? process.env;
  const wanted = request?.trim() ?? "";
  if (wanted === "") return resolveCommand("python3", env);
  if (VERSION_REQUEST.test(wanted)) return resolveVersion(wanted, env);
  if (wanted.includes("/") || wanted.includes(path.sep)) return resolvePath(wanted, env);
  return resolveCommand(wanted, env);
}

async function resolveVersion(request: string, env: NodeJS.ProcessEnv): Promise<InterpreterInfo> {
  const wanted = parseVersion(request)!;
  const command = `python${wanted.major}.${wanted.minor}`;
  const onPath = await findAllOnPath(command, env);
  const fromPyenv = (await listPyenvVersions(env))
    .filter((folder) => versionMatches(parseVersion(folder.name), wanted))
    .sort((a, b) => compareVersions(parseVersion(b.name)!, parseVersion(a.name)!));
  const tried: UnusableInterpreter[] = [];
  for (const candidate of [...onPath, ...fromPyenv.map((folder) => folder.executable)]) {
    const probe = await probeInterpreter(candidate, env);
    if (!probe.ok) {
      tried.push({ path: candidate, reason: probe.reason });
      continue;
    }
    const problem = unsuitability(probe.report);
    if (problem) {
      tried.push({ path: candidate, reason: problem });
    } else if (!versionMatches(probe.report.parsedVersion, wanted)) {
      tried.push({ path: candidate, reason: `is Python ${probe.report.version}` });
    } else {
      return toInfo(candidate, probe.report, { preferReported: true });
    }
  }
  const glob = wanted.patch === undefined ? `${wanted.major}.${wanted.minor}.*` : request;
  throw new EngineUnavailableError(
    [
      `No usable Python ${request} was found.`,
      `Looked for ${command} on PATH (${pathDirectories(env).join(path.delimiter) || "PATH is empty"}) ` +
        `and for ${pyenvVersionsPattern(env, glob)}.`,
      ...(tried.length > 0 ? ["Tried:", ...tried.map((entry) => `  ${entry.path}: ${entry.reason}`)] : []),
      `Install Python ${request} (for example \`pyenv install ${request}\`) or pass --python with the path of an interpreter.`,
    ].join("\n"),
  );
}

async function resolveCommand(command: string, env: NodeJS.ProcessEnv): Promise<InterpreterInfo> {
  const tried: UnusableInterpreter[] = [];
  for (const candidate of await findAllOnPath(command, env)) {
    const probe = await probeInterpreter(candidate, env);
    const problem = probe.ok ? unsuitability(probe.report) : probe.reason;
    if (probe.ok && !problem) return toInfo(candidate, probe.report, { preferReported: true });
    tried.push({ path: candidate, reason: problem ?? "unusable" });
  }
  throw new EngineUnavailableError(
    [
      `No usable ${command} was found on PATH (${pathDirectories(env).join(path.delimiter) || "PATH is empty"}).`,
      ...(tried.length > 0 ? ["Tried:", ...tried.map((entry) => `  ${entry.path}: ${entry.reason}`)] : []),
      "Install CPython 3.6 or newer, or pass --python with a version (e.g. 3.12) or the path of an interpreter.",
    ].join("\n"),
  );
}

async function resolvePath(given: string, env: NodeJS.ProcessEnv): Promise<InterpreterInfo> {
  const file = path.resolve(given);
  const probe = await probeInterpreter(file, env);
  const problem = probe.ok ? unsuitability(probe.report) : probe.reason;
  if (probe.ok && !problem) return toInfo(file, probe.report, { preferReported: false });
  throw new EngineUnavailableError(
    `${file} cannot be used as the Python interpreter (${problem}).\n` +
      "Pass --python with the path of a CPython 3.6+ executable, or a version such as 3.12.",
  );
}

/**
 * Every CPython found as `python3`/`python3.X` on PATH or in pyenv's versions folder, one per
 * full version (the first place found wins; others go to `alsoFoundAt`). pyenv shims are not
 * run: they dispatch to the versions folder, which is listed directly.
 */
export async function discoverAllInterpreters(options: DiscoveryOptions = {}): Promise<InterpreterInventory> {
  const env = options.env ?? process.env;
  const onPath = (await listPython3CommandsOnPath(env)).filter((file) => !isPyenvShim(file, env));
  const fromPyenv = (await listPyenvVersions(env)).map((folder) => folder.executable);
  const candidates = [...new Set([...onPath, ...fromPyenv])];
  const probes = await mapLimited(candidates, PROBE_CONCURRENCY, (file) => probeInterpreter(file, env));

  const byVersion = new Map<string, { info: InterpreterInfo; alsoFoundAt: string[] }>();
  const unusable: UnusableInterpreter[] = [];
  candidates.forEach((file, index) => {
    const probe = probes[index]!;
    if (!probe.ok) {
      unusable.push({ path: file, reason: probe.reason });
      return;
    }
    const problem = unsuitability(probe.report);
    if (problem) {
      unusable.push({ path: file, reason: problem });
      return;
    }
    const known = byVersion.get(probe.report.version);
    if (known) known.alsoFoundAt.push(file);
    else byVersion.set(probe.report.version, { info: toInfo(file, probe.report, { preferReported: true }), alsoFoundAt: [] });
  });
  const usable = [...byVersion.values()]
    .map(({ info, alsoFoundAt }) => (alsoFoundAt.length > 0 ? { ...info, alsoFoundAt } : info))
    .sort((a, b) => compareVersions(a.parsedVersion, b.parsedVersion));
  return { usable, unusable };
}

function versionMatches(found: PythonVersion | undefined, wanted: PythonVersion): boolean {
  if (!found || found.major !== wanted.major || found.minor !== wanted.minor) return false;
  return wanted.patch === undefined || found.patch === wanted.patch;
}

function toInfo(foundAt: string, report: ProbeReport, { preferReported }: { preferReported: boolean }): InterpreterInfo {
  // sys.executable skips a pyenv shim (a shell script costing ~100 ms per start); a path the
  // user gave is kept as is, since it may be a wrapper that sets up an environment.
  const executable = preferReported && report.reportedExecutable !== "" ? report.reportedExecutable : foundAt;
  return {
    executable,
    foundAt,
    version: report.version,
    parsedVersion: report.parsedVersion,
    implementation: report.implementation,
    hasIPython: report.hasIPython,
    ipythonVersion: report.ipythonVersion,
  };
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
