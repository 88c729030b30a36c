// From every run of every lesson to the drift report: rows, their classes, simulator vs real.
import { checkLesson, FAILING_STATUSES } from "../check/index.js";
import type { CellResult } from "../check/types.js";
import { selectOutput } from "../check/select-output.js";
import type { CodeCell, Lesson } from "../lesson/types.js";
import { parseVersion } from "../versions/version.js";
import type { UnusableInterpreter } from "../runners/python/index.js";
import type { CellRun } from "../runners/types.js";
import { compareRuns, RunComparer } from "./compare-runs.js";
import { observedText } from "./observed.js";
import type { DriftColumn, DriftEntry, DriftLesson, DriftReport, DriftRow, RowClass, SimRealDisagreement, SimRefusal } from "./types.js";

/** The runs a drift analysis reads: per lesson, per column, per attempt (1 or 2). */
export interface DriftRuns {
  readonly lessons: readonly { readonly path: string; readonly lesson?: Lesson; readonly loadError?: { readonly message: string } }[];
  runs(lessonIndex: number, columnIndex: number, attempt?: number): ReadonlyMap<number, CellRun> | undefined;
  readonly executed: number;
  readonly served: number;
}

export interface AnalyzeOptions {
  readonly columns: readonly DriftColumn[];
  readonly unusable?: readonly UnusableInterpreter[];
  readonly elapsedMs?: number;
}

/** What the analysis of one lesson found, kept for --update. */
export interface LessonAnalysis {
  readonly lessonIndex: number;
  readonly lesson: Lesson;
  /** Attempt-1 runs per column (undefined where the lesson did not run). */
  readonly runs: readonly (ReadonlyMap<number, CellRun> | undefined)[];
  /** Verdicts per column, by cell index. */
  readonly results: readonly (ReadonlyMap<number, CellResult> | undefined)[];
  readonly comparer: RunComparer;
  /** Per column, the cells whose two runs on it differed (empty for the simulator). */
  readonly flakyByColumn: readonly ReadonlySet<number>[];
  /** Cells that differed between two runs of any interpreter. */
  readonly flakyCells: ReadonlySet<number>;
}

export interface DriftAnalysis {
  readonly report: DriftReport;
  readonly lessons: readonly LessonAnalysis[];
}

export function analyzeDrift(input: DriftRuns, options: AnalyzeOptions): DriftAnalysis {
  const { columns } = options;
  const rows: DriftRow[] = [];
  const simVsReal: SimRealDisagreement[] = [];
  const simRefused: SimRefusal[] = [];
  const lessons: DriftLesson[] = [];
  const analyses: LessonAnalysis[] = [];
  input.lessons.forEach((entry, lessonIndex) => {
    if (entry.lesson === undefined) {
      lessons.push({ path: entry.path, cells: 0, messages: [], unreadable: entry.loadError?.message ?? "unreadable" });
      return;
    }
    const lesson = entry.lesson;
    lessons.push({ path: entry.path, cells: lesson.cells.filter((cell) => !cell.options.skip).length, messages: lesson.messages });
    const analysis = analyzeLesson(lesson, lessonIndex, input, columns);
    analyses.push(analysis);
    rows.push(...rowsOf(analysis, columns));
    const { disagreements, refusals } = disagreementsOf(analysis, columns);
    simVsReal.push(...disagreements);
    simRefused.push(...refusals);
  });
  const count = (classification: RowClass): number => rows.filter((row) => row.classification === classification).length;
  const report: DriftReport = {
    columns,
    unusable: options.unusable ?? [],
    simVsReal,
    simRefused,
    rows,
    lessons,
    counts: {
      lessons: lessons.length,
      cells: lessons.reduce((total, lesson) => total + lesson.cells, 0),
      rows: rows.length,
      drift: count("drift"),
      flaky: count("flaky"),
      broken: count("broken"),
      sim: count("sim"),
      simVsReal: simVsReal.length,
      simRefused: simRefused.length,
    },
    elapsedMs: options.elapsedMs ?? 0,
    lessonRuns: { executed: input.executed, served: input.served },
  };
  return { report, lessons: analyses };
}

function analyzeLesson(lesson: Lesson, lessonIndex: number, input: DriftRuns, columns: readonly DriftColumn[]): LessonAnalysis {
  const runs = columns.map((_column, columnIndex) => input.runs(lessonIndex, columnIndex, 1));
  const results = columns.map((column, columnIndex) => {
    const columnRuns = runs[columnIndex];
    if (columnRuns === undefined) return undefined;
    const checked = checkLesson(lesson, columnRuns, { identity: column.identity });
    return new Map(checked.cells.map((cell) => [cell.index, cell]));
  });
  const flakyByColumn = columns.map((column, columnIndex) => {
    const first = runs[columnIndex];
    const second = column.runs > 1 ? input.runs(lessonIndex, columnIndex, 2) : undefined;
    if (first === undefined || second === undefined) return new Set<number>();
    return new Set([...compareRuns(lesson, first, second)].filter(([, same]) => !same).map(([cellIndex]) => cellIndex));
  });
  const flakyCells = new Set(flakyByColumn.flatMap((cells) => [...cells]));
  return { lessonIndex, lesson, runs, results, comparer: new RunComparer(lesson, runs), flakyByColumn, flakyCells };
}

function rowsOf(analysis: LessonAnalysis, columns: readonly DriftColumn[]): DriftRow[] {
  const rows: DriftRow[] = [];
  const { lesson, runs, results, comparer, flakyByColumn } = analysis;
  const realMinors = new Set(columns.filter((column) => column.kind === "python").map((column) => column.minor));
  for (const cell of lesson.cells) {
    if (cell.options.skip) continue;
    const members = columns.map((_column, index) => index).filter((index) => runs[index]?.has(cell.index));
    if (members.length === 0) continue;
    const groups = comparer.groups(cell.index, members);
    const statuses = members.map((index) => results[index]!.get(cell.index)!.status);
    const broken = statuses.every((status) => FAILING_STATUSES.has(status));
    const flaky = analysis.flakyCells.has(cell.index);
    if (groups.length <= 1 && !flaky && !broken) continue;
    // Each version counts once: its real interpreters, or its simulator profile when none ran.
    const effective = members.filter((index) => columns[index]!.kind === "python" || !realMinors.has(columns[index]!.minor));
    const effectiveAgree = effective.every((index) => comparer.same(effective[0]!, index, cell.index) === true);
    // A cell unstable on some versions can still be a function of the version: None's refcount
    // wanders from run to run before 3.12 but is one constant on each version from 3.12 on. It
    // is flaky only when the versions whose two runs agreed do not disagree among themselves.
    const stable = effective.filter((index) => !flakyByColumn[index]!.has(cell.index));
    const stableAgree = stable.every((index) => comparer.same(stable[0]!, index, cell.index) === true);
    const classification: RowClass = flaky && stableAgree ? "flaky" : broken ? "broken" : effectiveAgree ? "sim" : "drift";
    const groupOf = new Map<number, number>();
    groups.forEach((group, groupIndex) => group.forEach((member) => groupOf.set(member, groupIndex)));
    const entries = columns.map((_column, index): DriftEntry | null => {
      const result = results[index]?.get(cell.index);
      if (result === undefined || !groupOf.has(index)) return null;
      return { status: result.status, output: groupOf.get(index)!, flaky: flakyByColumn[index]!.has(cell.index) };
    });
    rows.push({
      path: lesson.path,
      index: cell.index,
      line: cell.span.start.line,
      classification,
      entries,
      outputs: groups.map((group) => ({ text: observedText(runs[group[0]!]!.get(cell.index)!), columns: group })),
    });
  }
  return rows;
}

/**
 * The lesson's expectation on this version tolerates differences (`match=any`, a regex, an
 * ellipsis, a number tolerance, any line order): where both engines pass it, what differs is
 * what the author declared immaterial (a count that depends on what the interpreter loaded at
 * start-up, say), so it is no disagreement.
 */
function lessonTolerates(cell: CodeCell, minor: string): boolean {
  const chosen = selectOutput(cell.outputs, parseVersion(minor)).output;
  return (chosen?.match ?? cell.options.match).kind !== "exact";
}

function passed(analysis: LessonAnalysis, column: number, cell: CodeCell): boolean {
  return analysis.results[column]?.get(cell.index)?.status === "pass";
}

/**
 * For each version with a real interpreter and a simulator profile: the cells where they differ,
 * and apart from them the cells the profile refused as unsupported (one entry per cell).
 */
function disagreementsOf(analysis: LessonAnalysis, columns: readonly DriftColumn[]): { disagreements: SimRealDisagreement[]; refusals: SimRefusal[] } {
  const found: SimRealDisagreement[] = [];
  const refusals = new Map<number, { feature: string; versions: Set<string> }>();
  const { lesson, runs, comparer, flakyByColumn } = analysis;
  columns.forEach((simColumn, simIndex) => {
    if (simColumn.kind !== "sim" || runs[simIndex] === undefined) return;
    columns.forEach((realColumn, realIndex) => {
      if (realColumn.kind !== "python" || realColumn.minor !== simColumn.minor || runs[realIndex] === undefined) return;
      for (const cell of lesson.cells) {
        if (cell.options.skip) continue;
        // A cell that changes from run to run on the real interpreter (timings) cannot be
        // held against the simulator.
        if (flakyByColumn[realIndex]!.has(cell.index)) continue;
        if (comparer.same(realIndex, simIndex, cell.index) !== false) continue;
        if (lessonTolerates(cell, simColumn.minor) && passed(analysis, realIndex, cell) && passed(analysis, simIndex, cell)) continue;
        const simRun = runs[simIndex]!.get(cell.index)!;
        if (simRun.status === "unsupported" && runs[realIndex]!.get(cell.index)?.status !== "unsupported") {
          const refusal = refusals.get(cell.index) ?? { feature: simRun.unsupported?.feature ?? "unsupported", versions: new Set<string>() };
          refusal.versions.add(simColumn.minor);
          refusals.set(cell.index, refusal);
          continue;
        }
        found.push({
          version: simColumn.minor,
          path: lesson.path,
          index: cell.index,
          line: cell.span.start.line,
          realColumn: realIndex,
          simColumn: simIndex,
          real: observedText(runs[realIndex]!.get(cell.index)!),
          sim: observedText(simRun),
        });
      }
    });
  });
  const refused = [...refusals].map(([index, { feature, versions }]) => ({
    path: lesson.path,
    index,
    line: lesson.cells.find((cell) => cell.index === index)!.span.start.line,
    feature,
    versions: [...versions],
  }));
  return { disagreements: found, refusals: refused };
}
