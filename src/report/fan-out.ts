// Sends every event to several reporters, e.g. pretty on the terminal and junit into a file.
import type { CellResult, CheckReport, LessonResult } from "../check/types.js";
import type { EngineIdentity } from "../runners/types.js";
import type { LessonStart, Reporter } from "./reporter.js";

export class FanOutReporter implements Reporter {
  constructor(private readonly reporters: readonly Reporter[]) {}

  onStart(engine: EngineIdentity, lessonCount: number): void {
    for (const reporter of this.reporters) reporter.onStart(engine, lessonCount);
  }

  onLessonStart(lesson: LessonStart): void {
    for (const reporter of this.reporters) reporter.onLessonStart(lesson);
  }

  onCellResult(lessonPath: string, result: CellResult): void {
    for (const reporter of this.reporters) reporter.onCellResult(lessonPath, result);
  }

  onLessonEnd(result: LessonResult): void {
    for (const reporter of this.reporters) reporter.onLessonEnd(result);
  }

  onEnd(report: CheckReport): void {
    for (const reporter of this.reporters) reporter.onEnd(report);
  }
}
