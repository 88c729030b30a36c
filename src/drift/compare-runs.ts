// Whether two runs of one lesson show the same thing, cell by cell, with the checker's rules:
// addresses are identity symbols (different values are no difference, broken identity is).
import { attemptComparison } from "../check/attempt.js";
import { callsId } from "../check/addresses.js";
import { IdentityLedger } from "../check/identity.js";
import type { ExpectedLine } from "../check/line-pattern.js";
import { createComparison } from "../check/match.js";
import type { CodeCell, Lesson, MatchMode } from "../lesson/types.js";
import type { CellRun } from "../runners/types.js";
import { ENGINE_FAILURES, observedLines } from "./observed.js";

const EXACT: MatchMode = { kind: "exact" };

/**
 * The mode two runs are compared in. Number tolerance and line order are properties of what the
 * code prints, so they carry over from the lesson; ellipsis, regex and any describe the
 * lesson's expected text, not a run, so two runs are compared exactly.
 */
function modeBetweenRuns(cell: CodeCell): MatchMode {
  const mode = cell.options.match;
  return mode.kind === "number" || mode.kind === "unordered" ? mode : EXACT;
}

/**
 * Per running cell of `lesson`: true when run `b` shows what run `a` shows. One identity ledger
 * spans the lesson, as in `check`: an object shown twice in `a` must be one object in `b`, two
 * objects shown in one cell of `a` must be two in `b`. Cells missing from either run are
 * absent from the answer.
 */
export function compareRuns(lesson: Lesson, a: ReadonlyMap<number, CellRun>, b: ReadonlyMap<number, CellRun>): Map<number, boolean> {
  const ledger = new IdentityLedger();
  const same = new Map<number, boolean>();
  for (const cell of [...lesson.cells].sort((x, y) => x.index - y.index)) {
    if (cell.options.skip) continue;
    const runA = a.get(cell.index);
    const runB = b.get(cell.index);
    if (runA === undefined || runB === undefined) continue;
    if (ENGINE_FAILURES.has(runA.status) || ENGINE_FAILURES.has(runB.status)) {
      // A restarted interpreter has new addresses: bindings made so far mean nothing now.
      ledger.reset();
      same.set(cell.index, runA.status === runB.status);
      continue;
    }
    const expected: ExpectedLine[] = observedLines(runA).map((text, offset) => ({ text, fileLine: cell.sourceLine + offset }));
    const comparison = createComparison({
      mode: modeBetweenRuns(cell),
      expected,
      actual: observedLines(runB),
      decimalIds: callsId(cell.source),
    });
    ledger.beginCell(cell.index);
    const outcome = attemptComparison(comparison, ledger);
    ledger.commitCell();
    same.set(cell.index, outcome.kind === "match");
  }
  return same;
}

/**
 * Lesson-wide comparisons between many runs, each pair computed once (the ledger spans the
 * lesson, so a pair is compared as a whole, never cell by cell in isolation).
 */
export class RunComparer {
  private readonly pairs = new Map<string, Map<number, boolean>>();

  constructor(
    private readonly lesson: Lesson,
    private readonly runs: readonly (ReadonlyMap<number, CellRun> | undefined)[],
  ) {}

  /** Whether runs `i` and `j` show the same in cell `cellIndex`; undefined if either did not run it. */
  same(i: number, j: number, cellIndex: number): boolean | undefined {
    if (i === j) return this.runs[i]?.has(cellIndex) ? true : undefined;
    const key = i < j ? `${i}:${j}` : `${j}:${i}`;
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      const first = this.runs[Math.min(i, j)];
      const second = this.runs[Math.max(i, j)];
      pair = first === undefined || second === undefined ? new Map() : compareRuns(this.lesson, first, second);
      this.pairs.set(key, pair);
    }
    return pair.get(cellIndex);
  }

  /**
   * The runs that ran `cellIndex`, split into groups showing the same output: each run joins
   * the first group whose first member it matches (groups in order of their first member).
   */
  groups(cellIndex: number, members: readonly number[]): number[][] {
    const groups: number[][] = [];
    for (const member of members) {
      if (!this.runs[member]?.has(cellIndex)) continue;
      const group = groups.find((candidate) => this.same(candidate[0]!, member, cellIndex) === true);
      if (group) group.push(member);
      else groups.push([member]);
    }
    return groups;
  }
}
