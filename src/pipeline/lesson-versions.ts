// A lesson's frontmatter `python:` range against an engine: lessons are not run on versions
// they say they are not meant for (lesson 02 needs gc.get_objects(generation=), new in 3.8).
import { engineVersion } from "../check/engine-label.js";
import type { CellResult, LessonResult } from "../check/types.js";
import type { Lesson } from "../lesson/types.js";
import type { Engine } from "../runners/types.js";
import { formatVersion, versionInRange } from "../versions/version.js";

/** Whether the lesson is meant for the engine's version (always, when either is unknown). */
export function meantFor(lesson: Lesson, engine: Engine): boolean {
  return exclusionReason(lesson, engine) === null;
}

/** Why the lesson is not run on this engine, or null when it is. */
export function exclusionReason(lesson: Lesson, engine: Engine): string | null {
  const range = lesson.settings.python;
  const version = engineVersion(engine.identity);
  if (range === undefined || version === undefined || versionInRange(version, range)) return null;
  return `not run: the lesson is for Python ${range.text} (its frontmatter's python:), not ${formatVersion(version)}`;
}

/** The verdicts of a lesson that is not run on this engine: every cell skipped, saying why. */
export function excludedResult(path: string, lesson: Lesson, reason: string): LessonResult {
  const cells = [...lesson.cells]
    .sort((a, b) => a.index - b.index)
    .map((cell): CellResult => ({ index: cell.index, line: cell.span.start.line, status: "skipped", expected: null, actual: null, message: reason }));
  return { path, title: lesson.title, cells, messages: [...lesson.messages] };
}
