// `--reporter pretty` (default): what a person reads in a terminal or a CI log.
//
// check: one line per cell that is not a pass or a skip (`file:line`, status, message) with its
// diff below, lesson parse messages as `file:line:col rule reason`, and a summary line with
// counts and time. run: each cell's actual output under a header. On a terminal a live
// progress line (`[3/12] lessons/x.md`) appears once the run has lasted a moment, and is
// erased before anything else is written.
import { engineLabel } from "../check/engine-label.js";
import { totalCells } from "../check/summary.js";
import type { CellResult, CellStatus, CheckReport, LessonResult } from "../check/types.js";
import type { LessonMessage } from "../lesson/types.js";
import type { EngineIdentity } from "../runners/types.js";
import { paletteFor, shouldColor, type Palette } from "./colors.js";
import { BaseReporter, type LessonStart, type ReporterOptions } from "./reporter.js";
import { formatDuration, formatSummary } from "./summary-line.js";

export interface PrettyReporterOptions extends ReporterOptions {
  /** The progress line appears only after this long (default 1000 ms): short runs stay quiet. */
  readonly progressDelayMs?: number;
}

const ERASE_LINE = "\r\u001b[K";
const DIFF_INDENT = "    ";

export class PrettyReporter extends BaseReporter {
  private readonly palette: Palette;
  private readonly now: () => number;
  private readonly isTTY: boolean;
  private readonly progressDelayMs: number;
  private readonly columns: number;
  private startedAt = 0;
  private lessonCount = 0;
  private lessonsStarted = 0;
  private progressVisible = false;
  private engine: EngineIdentity | undefined;

  constructor(options: PrettyReporterOptions) {
    super(options);
    this.isTTY = options.stream.isTTY === true;
    this.palette = paletteFor(shouldColor(options.stream.isTTY, options.env ?? process.env, options.color));
    this.now = options.now ?? (() => performance.now());
    this.progressDelayMs = options.progressDelayMs ?? 1000;
    this.columns = options.stream.columns ?? 80;
  }

  override onStart(engine: EngineIdentity, lessonCount: number): void {
    this.engine = engine;
    this.lessonCount = lessonCount;
    this.startedAt = this.now();
  }

  override onLessonStart(lesson: LessonStart): void {
    this.lessonsStarted += 1;
    if (!this.isTTY || this.now() - this.startedAt < this.progressDelayMs) return;
    const text = `[${this.lessonsStarted}/${this.lessonCount}] ${lesson.path}`;
    this.stream.write(`${ERASE_LINE}${this.palette.dim(text.slice(0, Math.max(10, this.columns - 1)))}`);
    this.progressVisible = true;
  }

  override onLessonEnd(result: LessonResult): void {
    const lines = this.mode === "run" ? this.runLines(result) : this.checkLines(result);
    if (lines.length > 0) this.print(lines);
  }

  override onEnd(report: CheckReport): void {
    const elapsed = this.now() - this.startedAt;
    const engine = this.describeEngine(this.engine ?? report.runner);
    const summary =
      this.mode === "run"
        ? `${report.lessons.length} lesson${report.lessons.length === 1 ? "" : "s"}, ${totalCells(report.summary)} cells run (${engine}, ${formatDuration(elapsed)})`
        : formatSummary(report.summary, report.lessons.length, engine, elapsed);
    const failing = report.summary.fail + report.summary.drift + report.summary.unsupported + report.summary.error > 0;
    this.print(["", this.mode === "run" || !failing ? this.palette.bold(summary) : this.palette.red(summary)]);
  }

  private print(lines: readonly string[]): void {
    if (this.progressVisible) {
      this.stream.write(ERASE_LINE);
      this.progressVisible = false;
    }
    this.stream.write(`${lines.join("\n")}\n`);
  }

  private describeEngine(identity: EngineIdentity): string {
    if (identity.kind === "sim") return engineLabel(identity);
    const kernel = identity.kernel === "ipython" ? "IPython" : "emulated IPython";
    return `${engineLabel(identity)} at ${identity.executable}, ${kernel}`;
  }

  private checkLines(result: LessonResult): string[] {
    const lines = result.messages.map((message) => this.messageLine(message));
    for (const cell of result.cells) {
      if (cell.status === "pass" || cell.status === "skipped") continue;
      const place = `${result.path}:${cell.expectedLine ?? cell.line}`;
      lines.push(`${this.statusLabel(cell.status)} ${this.palette.bold(place)} cell ${cell.index}: ${cell.message ?? ""}`);
      if (cell.diff) lines.push(...this.diffLines(cell.diff));
    }
    return lines;
  }

  private runLines(result: LessonResult): string[] {
    const lines = result.messages.map((message) => this.messageLine(message));
    for (const cell of result.cells) lines.push(...this.runCellLines(result.path, cell));
    return lines;
  }

  private runCellLines(path: string, cell: CellResult): string[] {
    const header = this.palette.cyan(`── ${path}:${cell.line} cell ${cell.index}`);
    if (cell.status === "pass") {
      const output = cell.actual ?? "";
      return output === "" ? [header] : [header, output.replace(/\n$/u, "")];
    }
    return [`${header} ${this.statusLabel(cell.status)} ${cell.message ?? ""}`];
  }

  private messageLine(message: LessonMessage): string {
    const place = `${message.file}:${message.line}:${message.column}`;
    const rule = message.severity === "error" ? this.palette.red(message.ruleId) : this.palette.yellow(message.ruleId);
    return `${this.palette.bold(place)} ${rule} ${message.reason}`;
  }

  private statusLabel(status: CellStatus): string {
    switch (status) {
      case "fail":
        return this.palette.red("FAIL");
      case "drift":
        return this.palette.yellow("DRIFT");
      case "unsupported":
        return this.palette.magenta("UNSUPPORTED");
      case "error":
        return this.palette.red("ERROR");
      case "skipped":
        return this.palette.dim("SKIPPED");
      case "pass":
        return this.palette.green("PASS");
    }
  }

  private diffLines(diff: string): string[] {
    return diff
      .replace(/\n$/u, "")
      .split("\n")
      .map((line) => {
        if (line.startsWith("---") || line.startsWith("+++")) return DIFF_INDENT + this.palette.bold(line);
        if (line.startsWith("@@")) return DIFF_INDENT + this.palette.cyan(line);
        if (line.startsWith("-")) return DIFF_INDENT + this.palette.red(line);
        if (line.startsWith("+")) return DIFF_INDENT + this.palette.green(line);
        return DIFF_INDENT + line;
      });
  }
}
