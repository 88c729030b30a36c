// `--reporter github`: annotations on the lesson lines of a pull request, via workflow commands.
//
// fail, drift, unsupported and error cells are `::error` annotations on the expected output's
// line (the cell's line when there is none), with the diff in the message; lesson parse
// messages are `::error` or `::warning` by severity. A plain summary line ends the output.
import { engineLabel } from "../check/engine-label.js";
import type { CellResult, CheckReport, LessonResult } from "../check/types.js";
import { formatSummary } from "./summary-line.js";
import { workflowCommand } from "./github-escape.js";
import { BaseReporter } from "./reporter.js";

export class GithubReporter extends BaseReporter {
  override onLessonEnd(result: LessonResult): void {
    for (const message of result.messages) {
      this.stream.write(
        workflowCommand(
          message.severity,
          { file: message.file, line: message.line, col: message.column, title: `lessonkit ${message.ruleId}` },
          message.reason,
        ),
      );
    }
    for (const cell of result.cells) {
      if (cell.status === "pass" || cell.status === "skipped") continue;
      this.stream.write(workflowCommand("error", cellProperties(result.path, cell), cellMessage(cell)));
    }
  }

  override onEnd(report: CheckReport): void {
    this.stream.write(`${formatSummary(report.summary, report.lessons.length, engineLabel(report.runner))}\n`);
  }
}

function cellProperties(path: string, cell: CellResult): { file: string; line: number; title: string } {
  return { file: path, line: cell.expectedLine ?? cell.line, title: `lessonkit: ${cell.status} (cell ${cell.index})` };
}

function cellMessage(cell: CellResult): string {
  const message = cell.message ?? cell.status;
  return cell.diff ? `${message}\n\n${cell.diff}` : message;
}
