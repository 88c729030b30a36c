// --update with several engines: per-version output fences where versions disagree.
import { writeFile } from "node:fs/promises";
import { compareRuns } from "../drift/compare-runs.js";
import { planVersionedOutputs, type VersionedLesson } from "../drift/version-outputs.js";
import { rewriteOutputs } from "../lesson/update.js";
import type { Lesson } from "../lesson/types.js";
import { createPythonEngine } from "../runners/python/engine.js";
import type { CellRun, EngineIdentity } from "../runners/types.js";
import { mapWithConcurrency } from "./pool.js";
import { runLesson } from "./run-lesson.js";
import type { UpdateSummary } from "./update-lessons.js";

export interface VersionedUpdateSummary extends UpdateSummary {
  /** Cells left alone because their output changes from run to run. */
  readonly flakySkipped: readonly number[];
}

/** A second run of a lesson on a real interpreter; undefined when it could not run. */
export type Rerun = (lesson: Lesson, identity: Extract<EngineIdentity, { kind: "python" }>) => Promise<ReadonlyMap<number, CellRun> | undefined>;

export interface VersionedUpdateOptions {
  /** How lessons checked once are run a second time to find flaky cells (default: a fresh session). */
  readonly rerun?: Rerun;
  /** Concurrent second runs (default 2). */
  readonly jobs?: number;
}

/** A second run takes as long as the first; a minute covers the slow timing loops lessons show. */
const RERUN_TIMEOUT_MS = 60_000;

const freshSession: Rerun = async (lesson, identity) => {
  try {
    const engine = await createPythonEngine({ python: identity.executable, kernel: identity.kernel });
    return await runLesson(lesson, engine, { timeoutMs: RERUN_TIMEOUT_MS });
  } catch {
    return undefined;
  }
};

/**
 * `check --update` runs each lesson once per engine, which cannot tell a timing from a version
 * difference: writing one block per version of random timings would be wrong. Lessons that need
 * new blocks run once more on each real interpreter, and cells whose two runs differ are flaky.
 */
async function flakyByRerun(entry: VersionedLesson, candidates: ReadonlySet<number>, options: VersionedUpdateOptions): Promise<Set<number>> {
  const flaky = new Set<number>();
  const reals = entry.engines.filter((engine) => engine.identity.kind === "python" && engine.runs !== undefined);
  await mapWithConcurrency(reals, options.jobs ?? 2, async (engine) => {
    const identity = engine.identity as Extract<EngineIdentity, { kind: "python" }>;
    const again = await (options.rerun ?? freshSession)(entry.lesson, identity);
    if (again === undefined) return;
    for (const [index, same] of compareRuns(entry.lesson, engine.runs!, again)) if (!same && candidates.has(index)) flaky.add(index);
  });
  return flaky;
}

export async function updateLessonsForVersions(
  lessons: readonly (VersionedLesson & { readonly path: string })[],
  options: VersionedUpdateOptions = {},
): Promise<VersionedUpdateSummary[]> {
  const summaries: VersionedUpdateSummary[] = [];
  for (const given of lessons) {
    let entry = given;
    let plan = planVersionedOutputs(entry);
    if (entry.flakyCells === undefined && plan.changes.length > 0 && entry.lesson.importedFrom === undefined) {
      const flakyCells = await flakyByRerun(entry, new Set(plan.changes.map((change) => change.cellIndex)), options);
      entry = { ...entry, flakyCells };
      plan = planVersionedOutputs(entry);
    }
    if (plan.changes.length === 0 && plan.flakySkipped.length === 0) continue;
    if (entry.lesson.importedFrom !== undefined && plan.changes.length > 0) {
      summaries.push({
        path: entry.path,
        cells: 0,
        flakySkipped: plan.flakySkipped,
        skippedReason: "an imported notebook: run `lessonkit import` first and update the .md",
      });
      continue;
    }
    const updated = rewriteOutputs(entry.lesson, plan.changes);
    if (updated !== entry.lesson.source) await writeFile(entry.path, updated, "utf8");
    summaries.push({ path: entry.path, cells: plan.changes.length, flakySkipped: plan.flakySkipped });
  }
  return summaries;
}
