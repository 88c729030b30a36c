// --update with several engines: per-version output fences where versions disagree.
import { writeFile } from "node:fs/promises";
import { planVersionedOutputs, type VersionedLesson } from "../drift/version-outputs.js";
import { rewriteOutputs } from "../lesson/update.js";
import type { UpdateSummary } from "./update-lessons.js";

export interface VersionedUpdateSummary extends UpdateSummary {
  /** Cells left alone because their output changes from run to run. */
  readonly flakySkipped: readonly number[];
}

export async function updateLessonsForVersions(lessons: readonly (VersionedLesson & { readonly path: string })[]): Promise<VersionedUpdateSummary[]> {
  const summaries: VersionedUpdateSummary[] = [];
  for (const entry of lessons) {
    const plan = planVersionedOutputs(entry);
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
