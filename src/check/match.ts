// One comparison of expected lines with actual lines under a match mode, and its diff view.
import type { MatchMode } from "../lesson/types.js";
import { RecordingBinder, type Binder } from "./identity.js";
import { MatchBudget, MatchBudgetExceeded, matchLine } from "./line-matcher.js";
import {
  compilePattern,
  readActualLine,
  type ActualLine,
  type ExpectedLine,
  type LinePattern,
  type TokenOptions,
} from "./line-pattern.js";
import { compileRegexLines, matchRegexLines, regexLineMatches, type RegexLine } from "./match-regex.js";
import { matchSequence } from "./match-sequence.js";
import { matchUnordered } from "./match-unordered.js";

export interface ComparisonInput {
  readonly mode: MatchMode;
  readonly expected: readonly ExpectedLine[];
  /** Normalised actual lines. */
  readonly actual: readonly string[];
  /** The cell calls `id(`: decimal ids are addresses. */
  readonly decimalIds: boolean;
}

export interface Comparison {
  readonly mode: MatchMode;
  /** A problem in the expected text itself (an invalid regex): the comparison cannot pass. */
  readonly problem?: string;
  /** Tries to match, binding addresses through `binder`; leaves bindings only on success. */
  match(binder: Binder, budget: MatchBudget): boolean;
  /** The lines a diff should show (match=unordered shows both sides sorted). */
  readonly diffExpected: readonly ExpectedLine[];
  readonly diffActual: readonly string[];
  /** Whether two lines of the diff views match on their own, identity aside. */
  equalForDiff(expectedIndex: number, actualIndex: number): boolean;
}

export function createComparison(input: ComparisonInput): Comparison {
  switch (input.mode.kind) {
    case "any":
      return anyComparison(input);
    case "regex":
      return regexComparison(input);
    case "unordered":
      return unorderedComparison(input);
    case "exact":
    case "ellipsis":
    case "number":
      return sequenceComparison(input);
  }
}

function tokenOptions(input: ComparisonInput): TokenOptions {
  return {
    decimalIds: input.decimalIds,
    ellipsis: input.mode.kind === "ellipsis",
    numbers: input.mode.kind === "number",
  };
}

/** Steps allowed for one line pair of a diff (a diff may compare every pair). */
const DIFF_LINE_STEPS = 20_000;

/** A line-level check for diffs, which never touches real bindings; too costly = different. */
function linesMatch(pattern: LinePattern, actual: ActualLine, tolerance?: { rel: number; abs: number }): boolean {
  if (pattern.lineWildcard) return false;
  const context = { binder: new RecordingBinder(), budget: new MatchBudget(DIFF_LINE_STEPS) };
  try {
    return matchLine(pattern, actual, tolerance ? { ...context, tolerance } : context, () => true);
  } catch (error) {
    if (error instanceof MatchBudgetExceeded) return false;
    throw error;
  }
}

function sequenceComparison(input: ComparisonInput): Comparison {
  const options = tokenOptions(input);
  const patterns = input.expected.map((line) => compilePattern(line, options));
  const actuals = input.actual.map((line) => readActualLine(line, options));
  const tolerance = input.mode.kind === "number" ? { rel: input.mode.rel, abs: input.mode.abs } : undefined;
  return {
    mode: input.mode,
    match: (binder, budget) => matchSequence(patterns, actuals, binder, budget, tolerance),
    diffExpected: input.expected,
    diffActual: input.actual,
    equalForDiff: (expectedIndex, actualIndex) =>
      linesMatch(patterns[expectedIndex]!, actuals[actualIndex]!, tolerance),
  };
}

function unorderedComparison(input: ComparisonInput): Comparison {
  const options = tokenOptions(input);
  const byText = <T extends { text: string }>(a: T, b: T): number => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  const patterns = input.expected.map((line) => compilePattern(line, options));
  const actuals = input.actual.map((line) => readActualLine(line, options));
  const sortedPatterns = [...patterns].sort((a, b) => byText(a.source, b.source));
  const sortedActuals = [...actuals].sort(byText);
  return {
    mode: input.mode,
    match: (binder, budget) => matchUnordered(patterns, actuals, binder, budget),
    diffExpected: sortedPatterns.map((pattern) => pattern.source),
    diffActual: sortedActuals.map((line) => line.text),
    equalForDiff: (expectedIndex, actualIndex) =>
      linesMatch(sortedPatterns[expectedIndex]!, sortedActuals[actualIndex]!),
  };
}

function regexComparison(input: ComparisonInput): Comparison {
  const compiled = compileRegexLines(input.expected, input.decimalIds);
  const actuals = input.actual.map((line) => readActualLine(line, tokenOptions(input)));
  const lines: readonly RegexLine[] = compiled.ok ? compiled.lines : [];
  const base = {
    mode: input.mode,
    diffExpected: input.expected,
    diffActual: input.actual,
  };
  if (!compiled.ok) {
    return {
      ...base,
      problem: compiled.problem,
      match: () => false,
      equalForDiff: (expectedIndex, actualIndex) => input.expected[expectedIndex]!.text === input.actual[actualIndex],
    };
  }
  return {
    ...base,
    match: (binder, budget) => matchRegexLines(lines, actuals, binder, budget),
    equalForDiff: (expectedIndex, actualIndex) =>
      regexLineMatches(lines[expectedIndex]!, actuals[actualIndex]!, new RecordingBinder()),
  };
}

function anyComparison(input: ComparisonInput): Comparison {
  return {
    mode: input.mode,
    match: () => true,
    diffExpected: input.expected,
    diffActual: input.actual,
    equalForDiff: (expectedIndex, actualIndex) => input.expected[expectedIndex]!.text === input.actual[actualIndex],
  };
}
