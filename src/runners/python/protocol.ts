// The JSON-lines messages exchanged with driver.py (commands in, events out).
import type { PythonException } from "../types.js";

/** Options the driver reads from its first argument. */
export interface DriverLaunchOptions {
  readonly kernel: "ipython" | "emulated";
  readonly display: "pretty" | "repr";
  /** Bytes of output kept per cell; the rest is counted. */
  readonly outputLimit: number;
  /** Written to fd 2 after each step, so stray output can be assigned to its cell. */
  readonly boundary: string;
  /** Seconds between partial output messages while a cell runs. */
  readonly flushInterval: number;
}

/** The kernel the driver runs: "repl" for `display: repr` lessons. */
export type DriverKernel = "ipython" | "emulated" | "repl";

export interface ReadyEvent {
  readonly event: "ready";
  readonly version: string;
  readonly kernel: DriverKernel;
  readonly ipythonVersion: string | null;
  /** Measured inside the driver, from its first line to ready (imports included). */
  readonly startupMs: number;
  readonly startupOutput: string;
  readonly pid: number;
}

/** Start-up failed (e.g. IPython could not be imported); the driver exits next. */
export interface FatalEvent {
  readonly event: "fatal";
  readonly message: string;
  readonly output: string;
}

/** Output of a running cell, sent while it runs so that a killed cell still shows it. */
export interface OutputEvent {
  readonly event: "output";
  readonly id: number;
  readonly text: string;
}

/** Answer to SIGUSR1: every output of the running cell so far has been sent. */
export interface FlushedEvent {
  readonly event: "flushed";
  readonly id: number | null;
}

export interface ResultEvent {
  readonly event: "result";
  readonly id: number;
  /** "error": the driver itself failed while running the cell. */
  readonly status: "ok" | "exception" | "error";
  readonly output: string;
  readonly cutBytes: number;
  readonly exception?: PythonException | null;
  readonly message?: string;
  readonly executionCount?: number | null;
  readonly elapsedMs: number;
  /** Whether the boundary marker was written after this result (false once fd 2 is closed). */
  readonly boundary: boolean;
}

export type DriverEvent = ReadyEvent | FatalEvent | OutputEvent | FlushedEvent | ResultEvent;

const EVENT_NAMES = new Set(["ready", "fatal", "output", "flushed", "result"]);

/** A driver event, or undefined for a line that is not one (text printed before the driver took over fd 1). */
export function parseDriverLine(line: string): DriverEvent | undefined {
  if (!line.startsWith("{")) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const event = (data as { event?: unknown }).event;
  return typeof event === "string" && EVENT_NAMES.has(event) ? (data as DriverEvent) : undefined;
}

export function runCommand(id: number, source: string): string {
  return `${JSON.stringify({ op: "run", id, source })}\n`;
}

export const EXIT_COMMAND = `${JSON.stringify({ op: "exit" })}\n`;
