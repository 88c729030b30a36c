// `--python all|3.8,3.12` and `--profiles all|3.6,3.14`: the engines a multi-engine run uses.
import { PROFILE_KEYS } from "../python/profiles/profile.js";
import { createSimEngine, type SimEngine } from "../runners/sim/engine.js";
import { UsageError } from "../runners/create-engine.js";
import { discoverAllInterpreters, resolveInterpreter, type InterpreterInfo, type UnusableInterpreter } from "../runners/python/index.js";
import { PythonEngine } from "../runners/python/engine.js";
import { DEFAULT_OUTPUT_LIMIT_BYTES } from "../runners/python/output-limit.js";
import { EngineUnavailableError, type Engine } from "../runners/types.js";
import { compareVersions } from "../versions/version.js";

/** How long an interpreter may take to start; as the single-engine default (IPython ~0.5 s). */
const STARTUP_TIMEOUT_MS = 30_000;

export interface EngineSetRequest {
  /** "all", a comma list of versions or paths, or one of them. Absent: no real interpreter. */
  readonly python?: string;
  /** "all" or a comma list of simulator profiles. Absent: no simulator profile. */
  readonly profiles?: string;
  /** ipython | emulated | auto (default): IPython where importable. */
  readonly kernel?: string;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * With kernel auto: one kernel for every interpreter, IPython only when all have it. A
   * comparison across versions (drift) must not mix kernels, or IPython's own references
   * (Out history, its modules) show up as version drift.
   */
  readonly uniformKernel?: boolean;
}

export interface EngineSet {
  /** Real interpreters oldest first, then simulator profiles oldest first. */
  readonly engines: readonly Engine[];
  /** Interpreters found or asked for that cannot run lessons, with the reason. */
  readonly unusable: readonly UnusableInterpreter[];
  /** Set when uniformKernel made interpreters that have IPython use the emulation. */
  readonly kernelNote?: string;
}

/** Whether a `--python`/`--profile` value asks for several engines. */
export function asksForSeveral(value: string | undefined): boolean {
  return value !== undefined && (value.trim() === "all" || value.includes(","));
}

function listItems(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export async function resolveEngineSet(request: EngineSetRequest): Promise<EngineSet> {
  const kernel = request.kernel ?? "auto";
  if (kernel !== "ipython" && kernel !== "emulated" && kernel !== "auto") throw new UsageError(`--kernel must be ipython or emulated, not "${kernel}"`);
  const env = request.env ?? process.env;
  const unusable: UnusableInterpreter[] = [];
  const interpreters = request.python === undefined ? [] : await findInterpreters(request.python, env, unusable);
  const python: Engine[] = [];
  const withIPython = interpreters.filter((interpreter) => interpreter.hasIPython);
  const mixed = withIPython.length > 0 && withIPython.length < interpreters.length;
  const uniform = kernel === "auto" && request.uniformKernel === true && mixed;
  for (const interpreter of interpreters) {
    if (kernel === "ipython" && !interpreter.hasIPython) {
      unusable.push({ path: interpreter.executable, reason: `Python ${interpreter.version} has no IPython (--kernel ipython)` });
      continue;
    }
    const chosen = uniform ? "emulated" : kernel === "auto" ? (interpreter.hasIPython ? "ipython" : "emulated") : kernel;
    python.push(
      new PythonEngine(interpreter, chosen, { outputLimitBytes: DEFAULT_OUTPUT_LIMIT_BYTES, startupTimeoutMs: STARTUP_TIMEOUT_MS, env }),
    );
  }
  const simulated = request.profiles === undefined ? [] : profileEngines(request.profiles);
  const kernelNote = uniform
    ? `IPython is importable in ${withIPython.map((interpreter) => interpreter.version).join(", ")} only: every interpreter runs under the driver's emulation of IPython, so kernels do not pass for versions (--kernel ipython runs only the interpreters that have it)`
    : undefined;
  return { engines: [...python, ...simulated], unusable, ...(kernelNote === undefined ? {} : { kernelNote }) };
}

async function findInterpreters(value: string, env: NodeJS.ProcessEnv, unusable: UnusableInterpreter[]): Promise<InterpreterInfo[]> {
  if (value.trim() === "all") {
    const inventory = await discoverAllInterpreters({ env });
    unusable.push(...inventory.unusable);
    return [...inventory.usable];
  }
  const items = listItems(value);
  if (items.length === 0) throw new UsageError(`--python needs "all" or versions such as 3.8,3.12, not "${value}"`);
  const found = await Promise.all(
    items.map((item) =>
      resolveInterpreter(item, { env }).catch((error: unknown) => {
        if (!(error instanceof EngineUnavailableError)) throw error;
        unusable.push({ path: item, reason: error.message.split("\n")[0]! });
        return undefined;
      }),
    ),
  );
  // One engine per interpreter, however many ways it was named ("3.12" and its path).
  const byExecutable = new Map<string, InterpreterInfo>();
  for (const info of found) if (info !== undefined && !byExecutable.has(info.executable)) byExecutable.set(info.executable, info);
  return [...byExecutable.values()].sort((a, b) => compareVersions(a.parsedVersion, b.parsedVersion));
}

function profileEngines(value: string): SimEngine[] {
  const keys = value.trim() === "all" ? [...PROFILE_KEYS] : listItems(value);
  if (keys.length === 0) throw new UsageError(`--profiles needs "all" or profiles such as 3.8,3.14, not "${value}"`);
  const engines = new Map<string, SimEngine>();
  for (const key of keys) {
    let engine;
    try {
      engine = createSimEngine(key);
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new UsageError(error.message);
      throw error;
    }
    if (!engines.has(engine.profile.key)) engines.set(engine.profile.key, engine);
  }
  return [...engines.values()].sort((a, b) => PROFILE_KEYS.indexOf(a.profile.key) - PROFILE_KEYS.indexOf(b.profile.key));
}
