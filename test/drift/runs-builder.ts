// Builds lessons and runs for drift tests: a run is just the text each cell showed.
import { parseLesson } from "../../src/lesson/parse.js";
import type { Lesson } from "../../src/lesson/types.js";
import type { CellRun } from "../../src/runners/types.js";

/** A lesson of cells (python source, then optional expected output) for drift tests. */
export function lessonOf(path: string, cells: readonly { source: string; output?: string; options?: string }[]): Lesson {
  const text = cells
    .map((cell) => {
      const code = `\`\`\`python${cell.options ? ` ${cell.options}` : ""}\n${cell.source}\n\`\`\`\n`;
      return cell.output === undefined ? code : `${code}\n\`\`\`output\n${cell.output}\n\`\`\`\n`;
    })
    .join("\nSome prose.\n\n");
  const lesson = parseLesson(path, text);
  if (lesson.messages.length > 0) throw new Error(`bad test lesson: ${lesson.messages.map((message) => message.reason).join("; ")}`);
  return lesson;
}

/** Runs that printed these texts, cell by cell; `null` leaves a cell out (skipped). */
export function runsOf(outputs: readonly (string | null)[]): Map<number, CellRun> {
  const runs = new Map<number, CellRun>();
  outputs.forEach((output, index) => {
    if (output === null) return;
    runs.set(index, { index, status: "ok", output: output === "" ? "" : `${output}\n`, durationMs: 1 });
  });
  return runs;
}
