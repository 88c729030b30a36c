// The simulator engine (`--runner sim`, the default): one simulated kernel per lesson, in-process.
import type { CellRequest, CellRun, Engine, EngineIdentity, EngineSession, SessionOptions } from "../types.js";
import { EngineUnavailableError } from "../types.js";
import { findProfile, DEFAULT_PROFILE_KEY, getProfile } from "../../python/profiles/table.js";
import type { Profile } from "../../python/profiles/profile.js";
import { PROFILE_KEYS } from "../../python/profiles/profile.js";
import { NotebookSession } from "../../python/session/session.js";
import { localModuleNames } from "./local-modules.js";

/** Steps (loop iterations and calls) a cell may take before it is stopped as endless. */
const MAX_STEPS_PER_CELL = 2_000_000_000;

class SimSession implements EngineSession {
  constructor(private readonly notebook: NotebookSession) {}

  async run(cell: CellRequest): Promise<CellRun> {
    const started = performance.now();
    const outcome = this.notebook.runCell(cell.source, {
      timeoutMs: cell.timeoutMs,
      maxSteps: MAX_STEPS_PER_CELL,
      firstLine: cell.sourceLine,
      wantHeap: cell.wantHeap,
    });
    const durationMs = performance.now() - started;
    const run: CellRun = {
      index: cell.index,
      status: outcome.status,
      output: outcome.output,
      durationMs,
      ...(outcome.exception !== undefined
        ? { exception: { type: outcome.exception.type, message: outcome.exception.message, traceback: outcome.exception.traceback } }
        : {}),
      ...(outcome.unsupported !== undefined ? { unsupported: outcome.unsupported } : {}),
      ...(outcome.engineMessage !== undefined ? { engineMessage: outcome.engineMessage } : {}),
      ...(outcome.heap !== undefined ? { heap: outcome.heap } : {}),
    };
    // Let other lessons' work (and the event loop) run between cells.
    await new Promise((resolve) => setImmediate(resolve));
    return run;
  }

  async close(): Promise<void> {
    this.notebook.close();
  }
}

export class SimEngine implements Engine {
  readonly identity: EngineIdentity;

  constructor(readonly profile: Profile) {
    this.identity = { kind: "sim", profile: profile.key };
  }

  async open(options: SessionOptions): Promise<EngineSession> {
    return new SimSession(new NotebookSession(this.profile, { display: options.display, localModules: localModuleNames(options.lessonPath) }));
  }
}

/** `--profile VER`: one of 3.6–3.14 (default 3.13). */
export function createSimEngine(profileText?: string): SimEngine {
  if (profileText === undefined) return new SimEngine(getProfile(DEFAULT_PROFILE_KEY));
  const profile = findProfile(profileText);
  if (profile === undefined) {
    throw new EngineUnavailableError(`the simulator has no profile "${profileText}"; choose one of ${PROFILE_KEYS.join(", ")}`);
  }
  return new SimEngine(profile);
}
