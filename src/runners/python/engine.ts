// The real-CPython engine (`--runner python`): resolves the interpreter once, one driver per lesson.
import { stat } from "node:fs/promises";
import path from "node:path";
import { EngineUnavailableError, type Engine, type EngineIdentity, type SessionOptions } from "../types.js";
import { resolveInterpreter, type InterpreterInfo } from "./discover.js";
import { DEFAULT_OUTPUT_LIMIT_BYTES } from "./output-limit.js";
import { PythonSession } from "./session.js";

export type KernelChoice = "ipython" | "emulated" | "auto";

export interface PythonEngineOptions {
  /** `--python`: a version ("3.12"), an executable path, or absent for `python3`. */
  readonly python?: string;
  /** Real IPython, the driver's emulation of its rules, or IPython when importable (default). */
  readonly kernel?: KernelChoice;
  /** Bytes of output kept per cell (default 1 MiB). */
  readonly outputLimitBytes?: number;
  /** How long an interpreter may take to start (default 30 s; importing IPython takes ~0.5 s). */
  readonly startupTimeoutMs?: number;
  /** Environment for discovery and for the interpreter (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;

export class PythonEngine implements Engine {
  readonly identity: EngineIdentity;

  constructor(
    readonly interpreter: InterpreterInfo,
    readonly kernel: "ipython" | "emulated",
    private readonly settings: { readonly outputLimitBytes: number; readonly startupTimeoutMs: number; readonly env: NodeJS.ProcessEnv },
  ) {
    const ipython = kernel === "ipython" && interpreter.ipythonVersion !== null ? { ipython: interpreter.ipythonVersion } : {};
    this.identity = { kind: "python", executable: interpreter.executable, version: interpreter.version, kernel, ...ipython };
  }

  /** Starts one interpreter for the lesson, in the lesson's folder (as Jupyter starts a notebook's kernel). */
  async open(options: SessionOptions): Promise<PythonSession> {
    return PythonSession.open({
      options,
      driver: {
        executable: this.interpreter.executable,
        kernel: this.kernel,
        display: options.display,
        cwd: await lessonFolder(options.lessonPath),
        outputLimitBytes: this.settings.outputLimitBytes,
        startupTimeoutMs: this.settings.startupTimeoutMs,
        env: this.settings.env,
      },
    });
  }
}

/** Throws EngineUnavailableError when the interpreter is missing or IPython was required and is absent. */
export async function createPythonEngine(options: PythonEngineOptions = {}): Promise<PythonEngine> {
  const env = options.env ?? process.env;
  const interpreter = await resolveInterpreter(options.python, { env });
  const choice = options.kernel ?? "auto";
  if (choice === "ipython" && !interpreter.hasIPython) {
    throw new EngineUnavailableError(
      `IPython is not installed for ${interpreter.executable} (Python ${interpreter.version}). ` +
        `Install it with \`${interpreter.executable} -m pip install ipython\`, or use --kernel emulated.`,
    );
  }
  const kernel = choice === "auto" ? (interpreter.hasIPython ? "ipython" : "emulated") : choice;
  return new PythonEngine(interpreter, kernel, {
    outputLimitBytes: options.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES,
    startupTimeoutMs: options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
    env,
  });
}

async function lessonFolder(lessonPath: string): Promise<string> {
  const folder = path.dirname(path.resolve(lessonPath));
  try {
    if ((await stat(folder)).isDirectory()) return folder;
  } catch {
    // a lesson that is not a file (tests, stdin): run where lessonkit runs
  }
  return process.cwd();
}
