// One driver.py process: start it, run cells over the protocol, collect stray output, kill its group.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import { execa } from "execa";
import type { DisplayMode } from "../../lesson/types.js";
import { EngineUnavailableError } from "../types.js";
import { BoundaryScanner } from "./boundary-scanner.js";
import { driverScriptPath } from "./driver-path.js";
import { CappedBytes } from "./output-limit.js";
import {
  parseDriverLine,
  runCommand,
  type DriverEvent,
  type DriverLaunchOptions,
  type ReadyEvent,
  type ResultEvent,
} from "./protocol.js";

export interface DriverProcessOptions {
  readonly executable: string;
  readonly kernel: "ipython" | "emulated";
  readonly display: DisplayMode;
  readonly cwd: string;
  readonly outputLimitBytes: number;
  readonly startupTimeoutMs: number;
  /** The whole environment of the interpreter (PYTHONHASHSEED is set on top). */
  readonly env: NodeJS.ProcessEnv;
}

/** Output that reached fd 1/2 below Python (C code, subprocesses) during one step. */
export interface StrayOutput {
  readonly text: string;
  readonly cutBytes: number;
}

export type RunOutcome =
  | { readonly kind: "result"; readonly event: ResultEvent; readonly partialOutput: string; readonly stray: StrayOutput }
  | {
      readonly kind: "exited";
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      readonly partialOutput: string;
      readonly stray: StrayOutput;
    }
  | { readonly kind: "timeout"; readonly partialOutput: string; readonly stray: StrayOutput };

interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: Error;
}

type RefCountedStream = { ref?(): unknown; unref?(): unknown };

/** How long to wait for the stray-output boundary after a result (it is written just before). */
const BOUNDARY_WAIT_MS = 1_000;
/** How long to wait for the streams to drain once the process has exited. */
const DRAIN_WAIT_MS = 250;
/** How long a timed-out cell may take to hand over its output before it is killed. */
const FLUSH_WAIT_MS = 300;
/** How long a killed process may take to be reaped. */
const KILL_WAIT_MS = 5_000;
/** setTimeout's largest delay. */
const MAX_TIMER_MS = 2_147_483_647;

export class DriverProcess {
  readonly ready: ReadyEvent;
  /** Milliseconds from spawn to the ready message, as seen from Node. */
  readonly spawnToReadyMs: number;
  /** What the interpreter wrote to fd 1/2 while starting (warnings, crash messages). */
  readonly startupStray: string;

  private constructor(
    private readonly io: DriverIo,
    ready: ReadyEvent,
    spawnToReadyMs: number,
    startupStray: string,
  ) {
    this.ready = ready;
    this.spawnToReadyMs = spawnToReadyMs;
    this.startupStray = startupStray;
  }

  /** Starts a driver and waits for its ready message; throws EngineUnavailableError when it cannot start. */
  static async start(options: DriverProcessOptions): Promise<DriverProcess> {
    const started = performance.now();
    const io = new DriverIo(options);
    try {
      const ready = await io.waitReady(options.startupTimeoutMs);
      const stray = await io.takeSegment();
      return new DriverProcess(io, ready, performance.now() - started, stray.text);
    } catch (error) {
      io.kill();
      await io.waitExit(KILL_WAIT_MS);
      throw error;
    }
  }

  get pid(): number | undefined {
    return this.io.pid;
  }

  get hasExited(): boolean {
    return this.io.exit !== undefined;
  }

  /** Runs one cell; resolves with its result, the process's death, or a timeout (after killing it). */
  run(source: string, timeoutMs: number): Promise<RunOutcome> {
    return this.io.run(source, timeoutMs);
  }

  /** Kills the process group (the driver and anything the lesson started) and waits for the exit. */
  async close(): Promise<void> {
    this.io.kill();
    await this.io.waitExit(KILL_WAIT_MS);
  }
}

/** The event plumbing behind DriverProcess: protocol lines, stray segments, exit. */
class DriverIo {
  exit: ExitInfo | undefined;
  private readonly child: ChildProcess;
  private readonly stdin: Writable;
  private readonly streams: (Readable & RefCountedStream)[];
  private readonly scanner: BoundaryScanner;
  private readonly outputLimit: number;
  private lineBuffer = "";
  private stray: CappedBytes;
  private readonly segments = new Map<number, StrayOutput>();
  private segmentsArrived = 0;
  private segmentsTaken = 0;
  private boundariesBroken = false;
  private readonly listeners = new Set<(event: DriverEvent) => void>();
  private readonly segmentWaiters = new Set<() => void>();
  private readonly exited: Promise<ExitInfo>;
  private nextCellId = 0;
  private busyCount = 0;

  constructor(options: DriverProcessOptions) {
    this.outputLimit = options.outputLimitBytes;
    this.stray = new CappedBytes(this.outputLimit);
    const boundary = `\u001elessonkit-boundary-${randomBytes(8).toString("hex")}\u001e\n`;
    this.scanner = new BoundaryScanner(boundary);
    const launch: DriverLaunchOptions = {
      kernel: options.kernel,
      display: options.display,
      outputLimit: options.outputLimitBytes,
      boundary,
      flushInterval: 0.25,
    };
    const subprocess = execa(options.executable, [driverScriptPath(), JSON.stringify(launch)], {
      cwd: options.cwd,
      env: { ...options.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
      extendEnv: false,
      stdin: "pipe",
      stdout: "pipe",
      stderr: "pipe",
      buffer: false,
      reject: false,
      // execa kills the driver if Node exits first; the driver makes itself a process group
      // leader so that a timeout can kill what the lesson started as well.
      cleanup: true,
      windowsHide: true,
    });
    subprocess.catch(() => undefined);
    this.child = subprocess as unknown as ChildProcess;
    this.stdin = this.child.stdin!;
    const stdout = this.child.stdout! as Readable & RefCountedStream;
    const stderr = this.child.stderr! as Readable & RefCountedStream;
    this.streams = [stdout, stderr];
    this.stdin.on("error", () => undefined); // EPIPE once the driver died: the exit handler reports it
    stdout.on("data", (chunk: Buffer) => this.onProtocolData(chunk));
    stderr.on("data", (chunk: Buffer) => this.onStrayData(chunk));
    this.exited = new Promise<ExitInfo>((resolve) => {
      let finishing = false;
      const finish = (info: ExitInfo): void => {
        if (finishing) return;
        finishing = true;
        void this.drain().then(() => {
          this.exit = info;
          this.closeSegment();
          resolve(info);
        });
      };
      this.child.once("exit", (code, signal) => finish({ code, signal }));
      this.child.once("error", (error) => finish({ code: null, signal: null, error }));
    });
    this.applyRefs();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async waitReady(timeoutMs: number): Promise<ReadyEvent> {
    this.setBusy(true);
    try {
      const outcome = await this.race<ReadyEvent | { fatal: string; output: string }>(
        (event) =>
          event.event === "ready" ? event : event.event === "fatal" ? { fatal: event.message, output: event.output } : undefined,
        timeoutMs,
      );
      if (outcome.kind === "event" && "event" in outcome.value) return outcome.value;
      const stray = this.currentStrayText();
      const details = stray.trim() === "" ? "" : `\n${stray.trim().split("\n").slice(-15).join("\n")}`;
      if (outcome.kind === "event") {
        const value = outcome.value as { fatal: string; output: string };
        const output = value.output.trim() === "" ? "" : `\n${value.output.trim()}`;
        throw new EngineUnavailableError(`The Python driver could not start: ${value.fatal}${output}${details}`);
      }
      if (outcome.kind === "timeout") {
        throw new EngineUnavailableError(`The Python driver did not start within ${timeoutMs / 1000} s.${details}`);
      }
      throw new EngineUnavailableError(`The Python driver exited while starting (${describeExit(outcome.exit)}).${details}`);
    } finally {
      this.setBusy(false);
    }
  }

  async run(source: string, timeoutMs: number): Promise<RunOutcome> {
    if (this.exit) {
      return { kind: "exited", code: this.exit.code, signal: this.exit.signal, partialOutput: "", stray: { text: "", cutBytes: 0 } };
    }
    const id = ++this.nextCellId;
    const partial: string[] = [];
    const collectPartial = (event: DriverEvent): void => {
      if (event.event === "output" && event.id === id) partial.push(event.text);
    };
    this.setBusy(true);
    this.listeners.add(collectPartial);
    try {
      this.stdin.write(runCommand(id, source));
      const outcome = await this.race((event) => (event.event === "result" && event.id === id ? event : undefined), timeoutMs);
      const partialOutput = (): string => partial.join("");
      if (outcome.kind === "event") {
        const stray = outcome.value.boundary && !this.boundariesBroken ? await this.takeSegment() : { text: "", cutBytes: 0 };
        if (!outcome.value.boundary) this.boundariesBroken = true;
        return { kind: "result", event: outcome.value, partialOutput: partialOutput(), stray };
      }
      if (outcome.kind === "timeout") {
        await this.requestFlush(id);
        this.kill();
        await this.waitExit(KILL_WAIT_MS);
        return { kind: "timeout", partialOutput: partialOutput(), stray: this.takeRemainingStray() };
      }
      return {
        kind: "exited",
        code: outcome.exit.code,
        signal: outcome.exit.signal,
        partialOutput: partialOutput(),
        stray: this.takeRemainingStray(),
      };
    } finally {
      this.listeners.delete(collectPartial);
      this.setBusy(false);
    }
  }

  /** SIGUSR1 makes the driver send the running cell's output so far (POSIX only). */
  private async requestFlush(id: number): Promise<void> {
    if (this.exit || this.child.pid === undefined || process.platform === "win32") return;
    try {
      process.kill(this.child.pid, "SIGUSR1");
    } catch {
      return;
    }
    await this.race((event) => (event.event === "flushed" && event.id === id ? event : undefined), FLUSH_WAIT_MS);
  }

  /** SIGKILL to the driver's process group, while the driver is not yet reaped (so its pid is still ours). */
  kill(): void {
    if (this.exit || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {
      try {
        this.child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  async waitExit(timeoutMs: number): Promise<void> {
    if (this.exit) return;
    this.setBusy(true);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    } finally {
      clearTimeout(timer);
      this.setBusy(false);
    }
  }

  /** The stray output of the next step, once its boundary has arrived (or empty after a wait). */
  async takeSegment(): Promise<StrayOutput> {
    const index = this.segmentsTaken++;
    if (index >= this.segmentsArrived && !this.exit) {
      let timer: NodeJS.Timeout | undefined;
      let wake: () => void = () => undefined;
      await new Promise<void>((resolve) => {
        wake = () => {
          if (index < this.segmentsArrived || this.exit) resolve();
        };
        this.segmentWaiters.add(wake);
        timer = setTimeout(resolve, BOUNDARY_WAIT_MS);
      });
      clearTimeout(timer);
      this.segmentWaiters.delete(wake);
    }
    const segment = this.segments.get(index);
    this.segments.delete(index);
    return segment ?? { text: "", cutBytes: 0 };
  }

  /** Waits for an event picked by `pick`, the process's exit, or the timeout, whichever is first. */
  private race<T>(
    pick: (event: DriverEvent) => T | undefined,
    timeoutMs: number,
  ): Promise<{ kind: "event"; value: T } | { kind: "exit"; exit: ExitInfo } | { kind: "timeout" }> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const listener = (event: DriverEvent): void => {
        const value = pick(event);
        if (value === undefined) return;
        settle();
        resolve({ kind: "event", value });
      };
      const settle = (): void => {
        this.listeners.delete(listener);
        clearTimeout(timer);
      };
      this.listeners.add(listener);
      if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
        timer = setTimeout(() => {
          settle();
          resolve({ kind: "timeout" });
        }, Math.min(timeoutMs, MAX_TIMER_MS));
      }
      void this.exited.then((exit) => {
        settle();
        resolve({ kind: "exit", exit });
      });
    });
  }

  private onProtocolData(chunk: Buffer): void {
    this.lineBuffer += chunk.toString("latin1"); // the driver writes ASCII JSON only
    let newline = this.lineBuffer.indexOf("\n");
    while (newline >= 0) {
      const line = this.lineBuffer.slice(0, newline);
      this.lineBuffer = this.lineBuffer.slice(newline + 1);
      const event = parseDriverLine(line);
      if (event) {
        for (const listener of [...this.listeners]) listener(event);
      } else if (line.trim() !== "") {
        // Printed before the driver moved the protocol off fd 1 (e.g. by sitecustomize).
        this.stray.add(Buffer.from(`${line}\n`, "latin1"));
      }
      newline = this.lineBuffer.indexOf("\n");
    }
  }

  private onStrayData(chunk: Buffer): void {
    for (const item of this.scanner.feed(chunk)) {
      if (item.kind === "data") this.stray.add(item.bytes);
      else this.closeSegment();
    }
  }

  private closeSegment(): void {
    this.segments.set(this.segmentsArrived++, { text: this.stray.text(), cutBytes: this.stray.cutBytes });
    this.stray = new CappedBytes(this.outputLimit);
    // Segments nobody waited for in time belong to steps already reported: drop them.
    for (const index of this.segments.keys()) if (index < this.segmentsTaken - 1) this.segments.delete(index);
    for (const wake of [...this.segmentWaiters]) wake();
  }

  private currentStrayText(): string {
    const parts: string[] = [];
    for (const segment of this.segments.values()) parts.push(segment.text);
    parts.push(this.stray.text());
    return parts.join("");
  }

  /** Stray output after the last boundary (what a crashed or killed cell wrote below Python). */
  private takeRemainingStray(): StrayOutput {
    const parts: string[] = [];
    let cutBytes = 0;
    for (const [index, segment] of this.segments) {
      if (index >= this.segmentsTaken) {
        parts.push(segment.text);
        cutBytes += segment.cutBytes;
      }
    }
    this.segments.clear();
    this.segmentsTaken = this.segmentsArrived;
    parts.push(this.stray.text());
    cutBytes += this.stray.cutBytes;
    this.stray = new CappedBytes(this.outputLimit);
    return { text: parts.join(""), cutBytes };
  }

  /** After exit: let the pipes deliver what is left, but do not wait for a grandchild holding them. */
  private async drain(): Promise<void> {
    const open = this.streams.filter((stream) => !stream.readableEnded && !stream.destroyed);
    if (open.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(open.map((stream) => new Promise<void>((resolve) => stream.once("close", resolve).once("end", resolve)))),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_WAIT_MS))),
      ]);
      clearTimeout(timer);
    }
    for (const item of this.scanner.end()) if (item.kind === "data") this.stray.add(item.bytes);
  }

  /** Keeps Node alive only while something is awaited: an idle, unclosed session must not. */
  private setBusy(busy: boolean): void {
    this.busyCount += busy ? 1 : -1;
    this.applyRefs();
  }

  private applyRefs(): void {
    const handles: RefCountedStream[] = [this.child as RefCountedStream, ...this.streams];
    for (const handle of handles) {
      if (this.busyCount > 0) handle.ref?.();
      else handle.unref?.();
    }
  }
}

export function describeExit(exit: { readonly code: number | null; readonly signal: string | null; readonly error?: Error }): string {
  if (exit.error) return exit.error.message;
  if (exit.signal) return `killed by ${exit.signal}`;
  return `exit code ${exit.code}`;
}
