// Loads one lesson file: markdown is parsed as it is; notebooks are imported in memory first.
import { importText } from "../import/import-file.js";
import { LessonLoadError } from "./load-error.js";
import { lessonFileKind } from "./lesson-files.js";
import { parseLesson } from "./parse.js";
import { readLessonText } from "./read-text.js";
import type { Lesson, LessonMessage } from "./types.js";

export { LessonLoadError } from "./load-error.js";
export { findLessonFiles } from "./find-lessons.js";

/**
 * Reads and parses a lesson (.md), or imports a notebook (.ipynb) or text export (.txt) and
 * parses the result. Throws LessonLoadError for unreadable input; problems in readable
 * content are in `lesson.messages`.
 */
export async function loadLesson(path: string): Promise<Lesson> {
  const kind = lessonFileKind(path);
  if (kind === undefined) throw new LessonLoadError(path, "not a lesson file (expected .md, .ipynb or .txt)");
  const text = await readLessonText(path);
  if (kind === "markdown") return parseLesson(path, text);

  const imported = importText(path, text);
  const lesson = parseLesson(path, imported.markdown);
  // Lines of the generated markdown mean nothing in the notebook file: name them in the reason.
  const parseMessages = lesson.messages.map(
    (message): LessonMessage => ({
      ...message,
      line: 1,
      column: 1,
      reason: `${message.reason} (line ${message.line} of the markdown imported from this file)`,
    }),
  );
  return { ...lesson, messages: [...imported.messages, ...parseMessages], importedFrom: kind };
}
