// The one interface both engines (simulator, real python) implement; results are plain data.
import type { DisplayMode } from "../lesson/types.js";

/** Which engine produced a result; part of the JSON report and of cache keys. */
export type EngineIdentity =
  | { readonly kind: "sim"; readonly profile: string }
  | {
      readonly kind: "python";
      readonly executable: string;
      /** Full version, e.g. "3.11.7". */
      readonly version: string;
      /** Real IPython, or the driver's emulation of its execution rules. */
      readonly kernel: "ipython" | "emulated";
      /** With the IPython kernel: IPython's version, which decides how values are displayed. */
      readonly ipython?: string;
    };

/** What one session (one lesson) needs to know before its first cell. */
export interface SessionOptions {
  /** The lesson's path, for messages. */
  readonly lessonPath: string;
  readonly display: DisplayMode;
  /** Re-run earlier cells after a timeout or crash restarted the interpreter. */
  readonly replay: boolean;
}

export interface CellRequest {
  /** 0-based index of the cell in its lesson. */
  readonly index: number;
  readonly source: string;
  /** 1-based line of the cell's first source line in the lesson file (for messages). */
  readonly sourceLine: number;
  readonly timeoutMs: number;
  /** Ask the engine for a heap snapshot after the cell (only the simulator can). */
  readonly wantHeap?: boolean;
}

/**
 * ok: ran to the end. exception: Python raised (a normal result a lesson may expect).
 * unsupported: the simulator refused a feature. timeout, crash, error: the engine itself failed.
 */
export type RunStatus = "ok" | "exception" | "unsupported" | "timeout" | "crash" | "error";

export interface PythonException {
  /** The exception's type name as the last traceback line shows it, e.g. "ZeroDivisionError". */
  readonly type: string;
  /** str(exception); may be empty. */
  readonly message: string;
  /** The formatted traceback, Python's text. */
  readonly traceback: string;
}

export interface CellRun {
  readonly index: number;
  readonly status: RunStatus;
  /**
   * What a notebook shows, in order: stdout and stderr text and the displayed value of a
   * trailing expression (followed by "\n"). The exception, if any, is not included here.
   */
  readonly output: string;
  readonly exception?: PythonException;
  /** For status "unsupported": the feature refused and the lesson line where it happened. */
  readonly unsupported?: { readonly feature: string; readonly line: number };
  /** For timeout, crash and error: what happened, in a sentence. */
  readonly engineMessage?: string;
  readonly durationMs: number;
  readonly heap?: HeapSnapshot;
}

/** The simulator's view of memory after a cell, for diagrams. */
export interface HeapSnapshot {
  /** Names in scope (the notebook's globals), each pointing at an object. */
  readonly names: readonly { readonly name: string; readonly object: number }[];
  readonly objects: readonly HeapObject[];
}

export interface HeapObject {
  /** Stable key inside the snapshot (the address). */
  readonly id: number;
  readonly address: number;
  readonly type: string;
  readonly summary: string;
  /** Null when the simulator cannot tell it (a count it refuses in a cell, too). */
  readonly refcount: number | null;
  readonly references: readonly { readonly label: string; readonly object: number }[];
}

export interface EngineSession {
  run(cell: CellRequest): Promise<CellRun>;
  close(): Promise<void>;
}

/** An engine: starts one session per lesson. */
export interface Engine {
  readonly identity: EngineIdentity;
  open(options: SessionOptions): Promise<EngineSession>;
}

/** An engine could not be started at all (missing interpreter, bad profile): exit code 2. */
export class EngineUnavailableError extends Error {
  override name = "EngineUnavailableError";
}
