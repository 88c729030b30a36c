// Progress of long runs, on stderr only: a live line on a terminal, or plain lines with --progress.
import type { CommandIo } from "./io.js";

const ERASE_LINE = "\r\u001b[K";

export type ProgressMode = "live" | "lines" | "off";

interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * `--progress` forces progress: a live line on a terminal, one line per finished task
 * elsewhere (CI logs). Without it, progress shows only when stderr is a terminal and stdout is
 * not the same terminal's report being drawn (`onlyIfStdoutRedirected`), since the pretty
 * reporter draws its own progress line there.
 */
export function progressMode(io: CommandIo, forced: boolean, onlyIfStdoutRedirected = false): ProgressMode {
  const stderr = io.stderr as ProgressStream;
  if (forced) return stderr.isTTY === true ? "live" : "lines";
  if (stderr.isTTY !== true) return "off";
  if (onlyIfStdoutRedirected && io.stdout.isTTY === true) return "off";
  return "live";
}

export class Progress {
  private visible = false;
  private lastDrawn = 0;
  private readonly startedAt = performance.now();

  /** `delayMs`: a live line appears only once the run has lasted that long (short runs stay quiet). */
  constructor(
    private readonly stream: ProgressStream,
    readonly mode: ProgressMode,
    private readonly delayMs = 500,
  ) {}

  /** `final`: a task finished (always written in lines mode); otherwise a live update. */
  report(text: string, final: boolean): void {
    if (this.mode === "off") return;
    if (this.mode === "lines") {
      if (final) this.stream.write(`${text}\n`);
      return;
    }
    const now = performance.now();
    if (now - this.startedAt < this.delayMs) return;
    // Redrawing more often than a terminal can show only costs time.
    if (!final && now - this.lastDrawn < 100) return;
    this.lastDrawn = now;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`${ERASE_LINE}${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.visible = true;
  }

  /** Erases the live line before anything else is written to stderr. */
  clear(): void {
    if (this.visible) this.stream.write(ERASE_LINE);
    this.visible = false;
  }
}
