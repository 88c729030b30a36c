// --update: writes what ran into the output fences of failing cells (other bytes untouched).
import { writeFile } from "node:fs/promises";
import type { OutputChange } from "../lesson/update.js";
import { rewriteOutputs } from "../lesson/update.js";
import { selectOutput, engineVersion } from "../check/index.js";
import type { EngineIdentity } from "../runners/types.js";
import type { CheckedLesson } from "./check-lessons.js";

export interface UpdateSummary {
  readonly path: string;
  readonly cells: number;
  /** Why the file was left alone (an imported notebook), if it was. */
  readonly skippedReason?: string;
}

export async function updateLessons(lessons: readonly CheckedLesson[], identity: EngineIdentity): Promise<UpdateSummary[]> {
  const summaries: UpdateSummary[] = [];
  const version = engineVersion(identity);
  for (const entry of lessons) {
    const lesson = entry.lesson;
    if (lesson === undefined) continue;
    const failing = entry.result.cells.filter((cell) => cell.status === "fail" && cell.actual !== null);
    if (failing.length === 0) continue;
    if (lesson.importedFrom !== undefined) {
      summaries.push({ path: entry.path, cells: 0, skippedReason: "an imported notebook: run `lessonkit import` first and update the .md" });
      continue;
    }
    const changes: OutputChange[] = [];
    for (const result of failing) {
      const cell = lesson.cells.find((candidate) => candidate.index === result.index)!;
      const choice = selectOutput(cell.outputs, version);
      const text = result.actual!;
      if (choice.output !== undefined && choice.covered) {
        const fenceIndex = cell.outputs.indexOf(choice.output);
        if (text === "" && cell.outputs.length === 1 && choice.output.range === undefined) changes.push({ cellIndex: cell.index, outputs: [] });
        else changes.push({ cellIndex: cell.index, fenceIndex, text });
      } else {
        changes.push({ cellIndex: cell.index, outputs: text === "" ? [] : [{ text }] });
      }
    }
    const updated = rewriteOutputs(lesson, changes);
    if (updated !== lesson.source) await writeFile(entry.path, updated, "utf8");
    summaries.push({ path: entry.path, cells: changes.length });
  }
  return summaries;
}
