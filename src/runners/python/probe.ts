// Asks one candidate interpreter what it is (version, implementation, IPython) without trusting its name.
import { execa } from "execa";
import { parseVersion, type PythonVersion } from "../../versions/version.js";

/** What a candidate said about itself. */
export interface ProbeReport {
  /** Full version as `sys.version` starts, e.g. "3.11.7" or "3.13.0rc1". */
  readonly version: string;
  readonly parsedVersion: PythonVersion;
  /** `sys.implementation.name`, e.g. "cpython"; "unknown" on Python 2. */
  readonly implementation: string;
  /** `sys.executable`: the real binary behind a pyenv shim or symlink; may be empty. */
  readonly reportedExecutable: string;
  /** `importlib.util.find_spec("IPython")` found it (not imported: that takes half a second). */
  readonly hasIPython: boolean;
  /**
   * IPython's installed version (or, without package metadata, its location and change time):
   * part of the cache identity, since an upgraded IPython may display values differently.
   */
  readonly ipythonVersion: string | null;
}

export type ProbeResult =
  | { readonly ok: true; readonly report: ProbeReport }
  | { readonly ok: false; readonly reason: string };

// Valid Python 2 and 3, so that an old interpreter can still say which version it is.
const PROBE_SCRIPT = [
  "import sys, json",
  "info = {'version': sys.version.split()[0], 'executable': sys.executable or '',",
  "        'implementation': getattr(getattr(sys, 'implementation', None), 'name', 'unknown'), 'ipython': False}",
  "try:",
  "    import importlib.util",
  "    spec = importlib.util.find_spec('IPython')",
  "    info['ipython'] = spec is not None",
  "    if spec is not None:",
  "        try:",
  "            import importlib.metadata",
  "            info['ipythonVersion'] = importlib.metadata.version('ipython')",
  "        except Exception:",
  "            import os",
  "            info['ipythonVersion'] = '%s@%d' % (spec.origin, os.stat(spec.origin).st_mtime)",
  "except Exception:",
  "    pass",
  "print(json.dumps(info))",
].join("\n");

const PROBE_TIMEOUT_MS = 15_000;

export async function probeInterpreter(executable: string, env: NodeJS.ProcessEnv): Promise<ProbeResult> {
  const result = await execa(executable, ["-c", PROBE_SCRIPT], {
    env,
    extendEnv: false,
    reject: false,
    timeout: PROBE_TIMEOUT_MS,
    stdin: "ignore",
    windowsHide: true,
  });
  if (result.timedOut) return { ok: false, reason: `did not answer within ${PROBE_TIMEOUT_MS / 1000} s` };
  if (result.failed) return { ok: false, reason: describeFailure(result) };
  const lastLine = String(result.stdout).trim().split("\n").pop() ?? "";
  const report = parseReport(lastLine);
  if (!report) return { ok: false, reason: `printed something that is not a version report: ${JSON.stringify(lastLine.slice(0, 120))}` };
  return { ok: true, report };
}

/** Why a probe report cannot run the driver, or undefined when it can. */
export function unsuitability(report: ProbeReport): string | undefined {
  if (report.implementation !== "cpython") {
    const name = report.implementation === "unknown" ? `Python ${report.version}` : `${report.implementation} ${report.version}`;
    if (report.parsedVersion.major < 3) return `${name} is too old: lessonkit needs CPython 3.6 or newer`;
    return `${name} is not CPython: lessonkit checks CPython's memory model`;
  }
  const { major, minor } = report.parsedVersion;
  if (major < 3 || (major === 3 && minor < 6)) return `Python ${report.version} is too old: lessonkit needs CPython 3.6 or newer`;
  return undefined;
}

function parseReport(line: string): ProbeReport | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const fields = data as Record<string, unknown>;
  if (typeof fields.version !== "string") return undefined;
  const parsedVersion = parseVersion(fields.version);
  if (!parsedVersion) return undefined;
  return {
    version: fields.version,
    parsedVersion,
    implementation: typeof fields.implementation === "string" ? fields.implementation : "unknown",
    reportedExecutable: typeof fields.executable === "string" ? fields.executable : "",
    hasIPython: fields.ipython === true,
    ipythonVersion: fields.ipython === true && typeof fields.ipythonVersion === "string" ? fields.ipythonVersion : null,
  };
}

function describeFailure(result: {
  readonly exitCode?: number;
  readonly signal?: string;
  readonly stderr: unknown;
  readonly shortMessage?: string;
  readonly code?: string;
}): string {
  const firstErrorLine = String(result.stderr ?? "").trim().split("\n")[0] ?? "";
  const detail = firstErrorLine ? ` (${firstErrorLine.slice(0, 200)})` : "";
  if (result.exitCode !== undefined) return `exited with code ${result.exitCode}${detail}`;
  if (result.signal) return `was killed by ${result.signal}${detail}`;
  if (result.code === "ENOENT") return "does not exist";
  if (result.code === "EACCES") return "is not executable";
  return result.shortMessage ?? "could not be started";
}
