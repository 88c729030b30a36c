// Per-version outputs for --update with several engines: only where versions disagree.
import { selectOutput } from "../check/select-output.js";
import type { CellResult } from "../check/types.js";
import { formatMatchMode } from "../lesson/match-mode.js";
import type { OutputChange, OutputSpec } from "../lesson/update.js";
import type { CodeCell, Lesson } from "../lesson/types.js";
import type { CellRun, EngineIdentity } from "../runners/types.js";
import { compareVersions, minorKey, parseVersion, type PythonVersion } from "../versions/version.js";
import type { RunComparer } from "./compare-runs.js";
import { segmentRanges } from "./version-ranges.js";

export interface EngineRuns {
  readonly identity: EngineIdentity;
  /** The lesson's runs on this engine (undefined: it did not run the lesson). */
  readonly runs?: ReadonlyMap<number, CellRun>;
  /** Verdicts by cell index. */
  readonly results?: ReadonlyMap<number, CellResult>;
}

export interface VersionedLesson {
  readonly lesson: Lesson;
  /** In the order the comparer knows them. */
  readonly engines: readonly EngineRuns[];
  readonly comparer: RunComparer;
  /** Cells whose output changes from run to run: writing one run's output would be wrong. */
  readonly flakyCells?: ReadonlySet<number>;
}

export interface VersionedPlan {
  readonly changes: OutputChange[];
  /** Cells that needed an update but are flaky, left as they are. */
  readonly flakySkipped: number[];
}

interface Member {
  readonly engineIndex: number;
  readonly version: PythonVersion;
}

const NEEDS_UPDATE: ReadonlySet<string> = new Set(["fail", "drift"]);

function versionOf(identity: EngineIdentity): PythonVersion | undefined {
  return parseVersion(identity.kind === "sim" ? identity.profile : identity.version);
}

/**
 * One engine per minor version: its real interpreter (the newest patch when several ran), and
 * the simulator profile only when no real interpreter of that version ran. Oldest first.
 */
export function versionMembers(engines: readonly EngineRuns[]): Member[] {
  const chosen = new Map<string, Member & { real: boolean }>();
  engines.forEach((engine, engineIndex) => {
    if (engine.runs === undefined) return;
    const version = versionOf(engine.identity);
    if (version === undefined) return;
    const key = minorKey(version);
    const real = engine.identity.kind === "python";
    const known = chosen.get(key);
    const better = known === undefined || (real && !known.real) || (real === known.real && compareVersions(version, known.version) > 0);
    if (better) chosen.set(key, { engineIndex, version, real });
  });
  return [...chosen.values()]
    .map(({ engineIndex, version }) => ({ engineIndex, version }))
    .sort((a, b) => compareVersions(a.version, b.version));
}

/**
 * The output changes for cells where some version's run fails or drifts against the lesson:
 * the versions (each counted once, see versionMembers) are split into groups showing the same
 * output (addresses as identity symbols), contiguous versions of a group share one fence whose
 * range `segmentRanges` writes, and a single group gets one fence without a range. A segment
 * where the lesson's own fence already passed keeps that fence's text and `match=`.
 */
export function planVersionedOutputs(input: VersionedLesson): VersionedPlan {
  const members = versionMembers(input.engines);
  const changes: OutputChange[] = [];
  const flakySkipped: number[] = [];
  const trustedUntil = new Map(members.map((member) => [member.engineIndex, firstUnrunCell(input.lesson, input.engines[member.engineIndex]!.runs)]));
  for (const cell of input.lesson.cells) {
    if (cell.options.skip || cell.options.nocheck) continue;
    // An engine that could not run a cell (unsupported, timeout, crash) says nothing about its
    // output, nor about later cells, which ran without its effects (a NameError that follows a
    // refused definition is no output of that version).
    const ran = members.filter((member) => {
      const run = input.engines[member.engineIndex]!.runs?.get(cell.index);
      return run !== undefined && cell.index < trustedUntil.get(member.engineIndex)!;
    });
    const verdicts = ran.map((member) => input.engines[member.engineIndex]!.results?.get(cell.index));
    if (!verdicts.some((verdict) => verdict !== undefined && NEEDS_UPDATE.has(verdict.status))) continue;
    if (input.flakyCells?.has(cell.index)) {
      flakySkipped.push(cell.index);
      continue;
    }
    changes.push({ cellIndex: cell.index, outputs: outputsFor(cell, ran, input) });
  }
  return { changes, flakySkipped };
}

/** The index of the first running cell whose run did not end ok or with an exception (or Infinity). */
function firstUnrunCell(lesson: Lesson, runs: ReadonlyMap<number, CellRun> | undefined): number {
  for (const cell of lesson.cells) {
    if (cell.options.skip) continue;
    const run = runs?.get(cell.index);
    if (run === undefined || (run.status !== "ok" && run.status !== "exception")) return cell.index;
  }
  return Number.POSITIVE_INFINITY;
}

function outputsFor(cell: CodeCell, ran: readonly Member[], input: VersionedLesson): OutputSpec[] {
  const groups = input.comparer.groups(
    cell.index,
    ran.map((member) => member.engineIndex),
  );
  const groupOf = new Map<number, number>();
  groups.forEach((group, groupIndex) => group.forEach((engineIndex) => groupOf.set(engineIndex, groupIndex)));
  const segments: Member[][] = [];
  for (const member of ran) {
    const last = segments[segments.length - 1];
    if (last !== undefined && groupOf.get(last[0]!.engineIndex) === groupOf.get(member.engineIndex)) last.push(member);
    else segments.push([member]);
  }
  const ranges = segmentRanges(segments.map((segment) => segment[0]!.version));
  const specs = segments.map((segment, index): OutputSpec => {
    const range = ranges[index];
    return { ...(range === undefined ? {} : { range }), ...segmentText(cell, segment, input) };
  });
  if (specs.length === 1 && specs[0]!.text === "") return [];
  return specs;
}

/** The lesson's fence that passed on a version of the segment, else the newest version's run. */
function segmentText(cell: CodeCell, segment: readonly Member[], input: VersionedLesson): { text: string; match?: string } {
  for (const member of segment) {
    const verdict = input.engines[member.engineIndex]!.results?.get(cell.index);
    if (verdict?.status !== "pass") continue;
    const fence = selectOutput(cell.outputs, member.version).output;
    if (fence === undefined) return { text: "" };
    return { text: fence.text, ...(fence.match === undefined ? {} : { match: formatMatchMode(fence.match) }) };
  }
  const newest = segment[segment.length - 1]!;
  return { text: input.engines[newest.engineIndex]!.results?.get(cell.index)?.actual ?? "" };
}
