// A readable JSON view of a parsed Lesson for fixture pairs (spans as "line:column@offset").
import { formatMatchMode } from "../../src/lesson/match-mode.js";
import type { CellOptions, Lesson, Span } from "../../src/lesson/types.js";

function span(value: Span): string {
  return `${value.start.line}:${value.start.column}@${value.start.offset}-${value.end.line}:${value.end.column}@${value.end.offset}`;
}

/** Only the options that differ from the defaults, so a snapshot shows what the fence says. */
function options(value: CellOptions): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  if (value.skip) shown["skip"] = true;
  if (value.hide) shown["hide"] = true;
  if (value.nocheck) shown["nocheck"] = true;
  if (value.diagram) shown["diagram"] = true;
  if (value.raises !== undefined) shown["raises"] = value.raises;
  if (value.match.kind !== "exact") shown["match"] = formatMatchMode(value.match);
  if (value.timeoutSeconds !== undefined) shown["timeoutSeconds"] = value.timeoutSeconds;
  return shown;
}

export function lessonSnapshot(lesson: Lesson): string {
  const view = {
    title: lesson.title,
    settings: {
      ...lesson.settings,
      ...(lesson.settings.python === undefined ? {} : { python: lesson.settings.python.text }),
    },
    cells: lesson.cells.map((cell) => ({
      index: cell.index,
      span: span(cell.span),
      sourceLine: cell.sourceLine,
      ...(cell.executionCount === undefined ? {} : { executionCount: cell.executionCount }),
      options: options(cell.options),
      source: cell.source,
      outputs: cell.outputs.map((output) => ({
        ...(output.range === undefined ? {} : { range: output.range.text }),
        ...(output.match === undefined ? {} : { match: formatMatchMode(output.match) }),
        span: span(output.span),
        contentSpan: span(output.contentSpan),
        text: output.text,
      })),
    })),
    messages: lesson.messages.map((message) => `${message.line}:${message.column} ${message.severity} ${message.ruleId}: ${message.reason}`),
  };
  return `${JSON.stringify(view, null, 2)}\n`;
}
