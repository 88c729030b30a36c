// The reporter contract: events from a check or run, written to a stream of the reporter's own.
import type { CellResult, CheckReport, LessonResult } from "../check/types.js";
import type { EngineIdentity } from "../runners/types.js";

/** Where a reporter writes: process.stdout, a file stream, or a test's string sink. */
export interface ReporterStream {
  write(chunk: string): unknown;
  /** True for a terminal: colours and the live progress line depend on it. */
  readonly isTTY?: boolean;
  /** Terminal width, to keep the progress line on one row. */
  readonly columns?: number;
}

/**
 * check: verdicts against the lesson. run (`lessonkit run`): what each cell printed, no
 * verdict; results then come from describeRuns, where "pass" only means "ran".
 */
export type ReportMode = "check" | "run";

export interface ReporterOptions {
  readonly stream: ReporterStream;
  readonly mode?: ReportMode;
  /** Environment to read NO_COLOR from (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Force colours on or off, overriding the TTY and NO_COLOR rule. */
  readonly color?: boolean;
  /** Clock in milliseconds (default: performance.now), for the elapsed time and progress. */
  readonly now?: () => number;
}

export interface LessonStart {
  readonly path: string;
}

/**
 * Events arrive in this order: onStart once, then per lesson onLessonStart, onCellResult for
 * each cell, onLessonEnd (lessons may interleave when the CLI runs several at once), and
 * onEnd once with the whole report. A reporter writes only to its own stream.
 */
export interface Reporter {
  onStart(engine: EngineIdentity, lessonCount: number): void;
  onLessonStart(lesson: LessonStart): void;
  onCellResult(lessonPath: string, result: CellResult): void;
  onLessonEnd(result: LessonResult): void;
  onEnd(report: CheckReport): void;
}

/** Reporters that only need some events extend this. */
export abstract class BaseReporter implements Reporter {
  protected readonly stream: ReporterStream;
  protected readonly mode: ReportMode;

  constructor(options: ReporterOptions) {
    this.stream = options.stream;
    this.mode = options.mode ?? "check";
  }

  onStart(_engine: EngineIdentity, _lessonCount: number): void {}
  onLessonStart(_lesson: LessonStart): void {}
  onCellResult(_lessonPath: string, _result: CellResult): void {}
  onLessonEnd(_result: LessonResult): void {}
  abstract onEnd(report: CheckReport): void;
}
