// The verdict for one code cell: options, engine status, version choice, exceptions, comparison.
import type { CodeCell, ExpectedOutput } from "../lesson/types.js";
import type { CellRun, PythonException } from "../runners/types.js";
import type { PythonVersion } from "../versions/version.js";
import { callsId } from "./addresses.js";
import { attemptComparison, type AttemptOutcome } from "./attempt.js";
import type { CellResult } from "./types.js";
import { diffLines, formatUnifiedDiff } from "./diff.js";
import { exceptionLine, reduceTraceback, sameExceptionType, showsException } from "./exceptions.js";
import { describeFirstDifference, quote } from "./first-difference.js";
import { describeViolation, type IdentityLedger } from "./identity.js";
import type { ExpectedLine } from "./line-pattern.js";
import { createComparison, type Comparison } from "./match.js";
import { joinLines, normalizeLines } from "./normalize.js";
import { describeOutput, describeVersion, selectOutput } from "./select-output.js";

export interface CellCheckContext {
  readonly lessonPath: string;
  /** The lesson's identity bindings, carried from cell to cell in order. */
  readonly ledger: IdentityLedger;
  readonly version: PythonVersion | undefined;
  /** Names the engine in diff headers, e.g. "sim 3.13". */
  readonly engineLabel: string;
}

/** The message of a cell that ran cleanly under `nocheck`. */
export const NOCHECK_MESSAGE = "not compared (nocheck)";
export const SKIP_MESSAGE = "skipped (skip)";

export function checkCell(cell: CodeCell, run: CellRun | undefined, context: CellCheckContext): CellResult {
  const line = cell.span.start.line;
  if (cell.options.skip) {
    return { index: cell.index, line, status: "skipped", expected: null, actual: null, message: SKIP_MESSAGE };
  }
  if (!run) {
    return {
      index: cell.index,
      line,
      status: "error",
      expected: null,
      actual: null,
      message: "not run: the engine returned no result for this cell",
    };
  }
  const base = { index: cell.index, line, durationMs: run.durationMs };
  const outputLines = normalizeLines(run.output);
  switch (run.status) {
    case "unsupported":
      return { ...base, status: "unsupported", expected: null, actual: joinLines(outputLines), message: unsupportedMessage(run) };
    case "timeout":
    case "crash":
    case "error":
      // The interpreter is gone or restarted: addresses seen so far name nothing any more.
      context.ledger.reset();
      return { ...base, status: "error", expected: null, actual: joinLines(outputLines), message: engineFailureMessage(run) };
    case "ok":
    case "exception":
      break;
  }
  if (cell.options.nocheck) {
    const shown = run.exception ? [...outputLines, ...normalizeLines(exceptionLine(run.exception))] : outputLines;
    return { ...base, status: "skipped", expected: null, actual: joinLines(shown), message: NOCHECK_MESSAGE };
  }
  return compareCell(cell, run, outputLines, context, base);
}

interface Evaluation {
  readonly output: ExpectedOutput | undefined;
  readonly comparison: Comparison;
  readonly outcome: AttemptOutcome;
  readonly actualLines: readonly string[];
  /** The run raised an exception the lesson does not account for. */
  readonly unexpectedException?: string;
}

function compareCell(
  cell: CodeCell,
  run: CellRun,
  outputLines: readonly string[],
  context: CellCheckContext,
  base: { index: number; line: number; durationMs: number },
): CellResult {
  const { ledger } = context;
  ledger.beginCell(cell.index);
  const choice = selectOutput(cell.outputs, context.version);
  const decimalIds = callsId(cell.source);
  const exception = run.status === "exception" ? run.exception : undefined;
  const raisesProblem = checkRaises(cell.options.raises, exception);

  const evaluate = (output: ExpectedOutput | undefined): Evaluation => {
    const reduced = reduceTraceback(expectedLinesOf(output));
    const shown = exception !== undefined && showsException(reduced, exception.type);
    // With raises= the expected exception's line is compared only if the lesson shows it; any
    // other exception is always part of what ran.
    const expectedByRaises = exception !== undefined && cell.options.raises !== undefined && !raisesProblem;
    const includeException = exception !== undefined && (!expectedByRaises || shown);
    const actualLines = includeException
      ? [...outputLines, ...normalizeLines(exceptionLine(exception))]
      : [...outputLines];
    const mode = output?.match ?? cell.options.match;
    const comparison = createComparison({ mode, expected: reduced.lines, actual: actualLines, decimalIds });
    const unexpectedException =
      exception !== undefined && cell.options.raises === undefined && !shown ? exceptionLine(exception) : undefined;
    let problem = raisesProblem;
    if (!problem && reduced.tracebackLine !== undefined && exception === undefined) {
      problem = `expected an exception (traceback at line ${reduced.tracebackLine}), but the cell raised none`;
    }
    if (!problem && mode.kind === "any" && unexpectedException !== undefined) {
      problem = `unexpected exception: ${unexpectedException}`;
    }
    const outcome: AttemptOutcome = problem ? { kind: "problem", message: problem } : attemptComparison(comparison, ledger);
    return unexpectedException === undefined
      ? { output, comparison, outcome, actualLines }
      : { output, comparison, outcome, actualLines, unexpectedException };
  };

  const primary = evaluate(choice.output);
  const expectedText = choice.output ? joinLines(normalizeLines(choice.output.text)) : "";
  const fenceLine = choice.output?.span.start.line ?? cell.span.end.line;
  const verdictBase = {
    ...base,
    expected: expectedText,
    actual: joinLines(primary.actualLines),
    ...(choice.output ? { expectedLine: choice.output.span.start.line } : {}),
  };

  if (choice.covered && primary.outcome.kind === "match") {
    ledger.commitCell();
    return { ...verdictBase, status: "pass", message: null };
  }

  const diff = diffOf(primary, context, fenceLine);
  const candidates = choice.covered ? choice.others : cell.outputs;
  for (const candidate of candidates) {
    const evaluation = candidate === choice.output ? primary : evaluate(candidate);
    if (evaluation.outcome.kind !== "match") continue;
    ledger.commitCell();
    const intended = choice.covered
      ? `not the one for ${describeVersion(context.version)}, ${describeOutput(choice.output!)}`
      : `no output is recorded for ${describeVersion(context.version)}`;
    return { ...verdictBase, status: "drift", message: `matches the output ${describeOutput(candidate)}; ${intended}`, diff };
  }

  ledger.commitCell();
  const reasons = [failureReason(primary, fenceLine, choice.output === undefined)];
  if (!choice.covered) {
    reasons.unshift(
      `no output is recorded for ${describeVersion(context.version)} and the run matches none ` +
        `(compared with the output ${describeOutput(choice.output!)})`,
    );
  }
  return { ...verdictBase, status: "fail", message: reasons.join("; "), diff };
}

function expectedLinesOf(output: ExpectedOutput | undefined): ExpectedLine[] {
  if (!output) return [];
  const firstLine = output.contentSpan.start.line;
  return normalizeLines(output.text).map((text, offset) => ({ text, fileLine: firstLine + offset }));
}

/** `raises=` is checked before any output: the cell must end with that exception. */
function checkRaises(raises: string | undefined, exception: PythonException | undefined): string | undefined {
  if (raises === undefined) return undefined;
  if (!exception) return `expected ${raises} to be raised, but the cell raised nothing`;
  if (!sameExceptionType(exception.type, raises)) {
    return `expected ${raises} to be raised, but the cell raised ${exceptionLine(exception)}`;
  }
  return undefined;
}

function failureReason(evaluation: Evaluation, fenceLine: number, noOutputFence: boolean): string {
  const { outcome, comparison, actualLines } = evaluation;
  switch (outcome.kind) {
    case "match":
      return "matches";
    case "problem":
      return outcome.message;
    case "identity":
      return describeViolation(outcome.violation);
    case "text": {
      if (evaluation.unexpectedException !== undefined) return `unexpected exception: ${evaluation.unexpectedException}`;
      if (noOutputFence) return `the cell must print nothing (no output fence), but it printed ${quote(actualLines[0] ?? "")}`;
      const ops = diffLines(comparison.diffExpected.length, comparison.diffActual.length, comparison.equalForDiff);
      return (
        describeFirstDifference(ops, comparison.diffExpected, comparison.diffActual, fenceLine) ??
        `the output does not match (match=${comparison.mode.kind})`
      );
    }
  }
}

function diffOf(evaluation: Evaluation, context: CellCheckContext, fenceLine: number): string {
  const { comparison, outcome, output } = evaluation;
  const brokenLine = outcome.kind === "identity" ? outcome.violation.attempted.expectedLine : undefined;
  const equals = (expectedIndex: number, actualIndex: number): boolean =>
    comparison.diffExpected[expectedIndex]!.fileLine !== brokenLine && comparison.equalForDiff(expectedIndex, actualIndex);
  const ops = diffLines(comparison.diffExpected.length, comparison.diffActual.length, equals);
  const notes: string[] = [];
  if (!output) notes.push("no output fence: prints nothing");
  else if (output.range) notes.push(`python="${output.range.text}"`);
  if (comparison.mode.kind !== "exact") notes.push(`match=${comparison.mode.kind}`);
  return formatUnifiedDiff(comparison.diffExpected, comparison.diffActual, ops, {
    file: context.lessonPath,
    fenceLine,
    actualLabel: context.engineLabel,
    ...(notes.length > 0 ? { expectedNote: notes.join(", ") } : {}),
  });
}

function unsupportedMessage(run: CellRun): string {
  if (run.unsupported) return `unsupported: ${run.unsupported.feature} (line ${run.unsupported.line})`;
  return `unsupported: ${run.engineMessage ?? "a feature the simulator does not support"}`;
}

function engineFailureMessage(run: CellRun): string {
  const detail = run.engineMessage ?? "no details from the engine";
  switch (run.status) {
    case "timeout":
      return `timeout: ${detail}`;
    case "crash":
      return `crash: ${detail}`;
    default:
      return `engine error: ${detail}`;
  }
}
