// Choosing an engine from the command line: the simulator (default) or a real CPython.
import type { Engine } from "./types.js";
import { EngineUnavailableError } from "./types.js";
import { createSimEngine } from "./sim/engine.js";
import { createPythonEngine, type KernelChoice } from "./python/index.js";

export interface EngineChoice {
  readonly runner?: string;
  readonly profile?: string;
  readonly python?: string;
  readonly kernel?: string;
}

export class UsageError extends Error {
  override name = "UsageError";
}

export async function createEngine(choice: EngineChoice): Promise<Engine> {
  const runner = choice.runner ?? (choice.python !== undefined ? "python" : "sim");
  if (runner === "sim") {
    if (choice.python !== undefined) throw new UsageError("--python needs --runner python (the simulator takes --profile)");
    return createSimEngine(choice.profile);
  }
  if (runner === "python") {
    if (choice.profile !== undefined) throw new UsageError("--profile is for the simulator; use --python VER with --runner python");
    const kernel = choice.kernel ?? "auto";
    if (kernel !== "ipython" && kernel !== "emulated" && kernel !== "auto") throw new UsageError(`--kernel must be ipython or emulated, not "${kernel}"`);
    return createPythonEngine({ python: choice.python, kernel: kernel as KernelChoice });
  }
  throw new UsageError(`--runner must be sim or python, not "${runner}"`);
}

export { EngineUnavailableError };
