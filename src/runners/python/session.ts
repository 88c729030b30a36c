// One lesson on a real CPython: cells run in order in one driver; a timeout or crash restarts it.
import type { CellRequest, CellRun, EngineSession, SessionOptions } from "../types.js";
import { DriverProcess, describeExit, type DriverProcessOptions, type RunOutcome, type StrayOutput } from "./driver-process.js";
import { capText, withTruncationNote } from "./output-limit.js";
import type { ReadyEvent } from "./protocol.js";

export interface PythonSessionSettings {
  readonly driver: DriverProcessOptions;
  readonly options: SessionOptions;
}

/** What the current interpreter said when it started, for reports and measurements. */
export interface SessionInterpreterInfo {
  readonly ready: ReadyEvent;
  /** Spawn to ready, measured in Node (interpreter start, driver imports, IPython if used). */
  readonly spawnToReadyMs: number;
  readonly pid: number | undefined;
}

interface CompletedCell {
  readonly source: string;
  readonly sourceLine: number;
  readonly timeoutMs: number;
}

export class PythonSession implements EngineSession {
  private driver: DriverProcess | undefined;
  private readonly completed: CompletedCell[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Set when replaying earlier cells failed: later cells cannot have their state back. */
  private replayFailure: string | undefined;
  /** How many interpreters this session started (1 + restarts). */
  startCount = 0;

  private constructor(private readonly settings: PythonSessionSettings) {}

  /** Starts the interpreter; throws EngineUnavailableError when it cannot. */
  static async open(settings: PythonSessionSettings): Promise<PythonSession> {
    const session = new PythonSession(settings);
    session.driver = await session.startDriver();
    return session;
  }

  get interpreter(): SessionInterpreterInfo | undefined {
    const driver = this.driver;
    return driver && { ready: driver.ready, spawnToReadyMs: driver.spawnToReadyMs, pid: driver.pid };
  }

  run(cell: CellRequest): Promise<CellRun> {
    const next = this.queue.then(() => this.runInOrder(cell));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    const driver = this.driver;
    this.driver = undefined;
    await driver?.close();
  }

  private async runInOrder(cell: CellRequest): Promise<CellRun> {
    if (this.closed) return engineError(cell, "The session was closed before this cell ran.");
    if (this.replayFailure) return engineError(cell, this.replayFailure);
    if (!this.driver || this.driver.hasExited) {
      const problem = await this.restart();
      if (problem) return engineError(cell, problem);
    }
    const started = performance.now();
    const outcome = await this.driver!.run(cell.source, cell.timeoutMs);
    const durationMs = performance.now() - started;
    if (this.closed) return engineError(cell, "The session was closed while this cell ran.", durationMs);
    const run = this.toCellRun(cell, outcome, durationMs);
    if (run.status === "ok" || run.status === "exception") {
      this.completed.push({ source: cell.source, sourceLine: cell.sourceLine, timeoutMs: cell.timeoutMs });
    }
    return run;
  }

  /** A fresh interpreter, with the earlier cells replayed when the lesson asks for it. */
  private async restart(): Promise<string | undefined> {
    try {
      this.driver = await this.startDriver();
    } catch (error) {
      return `Could not restart the Python interpreter: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (!this.settings.options.replay) return undefined;
    for (const earlier of this.completed) {
      const outcome = await this.driver.run(earlier.source, earlier.timeoutMs);
      if (outcome.kind !== "result") {
        const what = outcome.kind === "timeout" ? "timed out" : `stopped the interpreter (${describeExit(outcome)})`;
        this.replayFailure =
          `Replaying the earlier cells in a fresh interpreter failed: the cell at line ${earlier.sourceLine} ${what}, ` +
          "so this cell cannot run with the lesson's state.";
        return this.replayFailure;
      }
    }
    return undefined;
  }

  private async startDriver(): Promise<DriverProcess> {
    const driver = await DriverProcess.start(this.settings.driver);
    this.startCount++;
    return driver;
  }

  private toCellRun(cell: CellRequest, outcome: RunOutcome, durationMs: number): CellRun {
    const limit = this.settings.driver.outputLimitBytes;
    const where = `the cell at line ${cell.sourceLine} of ${this.settings.options.lessonPath}`;
    if (outcome.kind === "result") {
      const event = outcome.event;
      const output = joinOutput(outcome.partialOutput + event.output, event.cutBytes, outcome.stray, limit);
      return {
        index: cell.index,
        status: event.status,
        output,
        ...(event.exception ? { exception: event.exception } : {}),
        ...(event.status === "error" ? { engineMessage: `${event.message ?? "The driver failed"} (${where}).` } : {}),
        durationMs,
      };
    }
    const output = joinOutput(outcome.partialOutput, 0, outcome.stray, limit);
    const next = this.settings.options.replay
      ? "the next cell runs in a fresh interpreter after the earlier cells are replayed"
      : "the next cell runs in a fresh interpreter, without the earlier cells' state";
    if (outcome.kind === "timeout") {
      return {
        index: cell.index,
        status: "timeout",
        output,
        engineMessage: `${capitalize(where)} did not finish within ${formatSeconds(cell.timeoutMs)} and was stopped; ${next}.`,
        durationMs,
      };
    }
    const fatal = /^Fatal Python error: .*$/m.exec(outcome.stray.text)?.[0];
    const how = outcome.signal ? `was killed by signal ${outcome.signal}` : `exited with code ${outcome.code}`;
    return {
      index: cell.index,
      status: "crash",
      output,
      engineMessage: `The Python process ${how} while running ${where}${fatal ? ` (${fatal})` : ""}; ${next}.`,
      durationMs,
    };
  }
}

/** Python-level output, then what arrived below Python, within the byte limit. */
function joinOutput(pythonOutput: string, pythonCutBytes: number, stray: StrayOutput, limit: number): string {
  const capped = capText(pythonOutput + stray.text, limit);
  return withTruncationNote(capped.text, pythonCutBytes + stray.cutBytes + capped.cutBytes);
}

function engineError(cell: CellRequest, message: string, durationMs = 0): CellRun {
  return { index: cell.index, status: "error", output: "", engineMessage: message, durationMs };
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
