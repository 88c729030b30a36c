// Imports a notebook file (.ipynb, or a .txt text export) by its extension.
import { extname } from "node:path";
import { LessonLoadError } from "../lesson/load-error.js";
import { readLessonText } from "../lesson/read-text.js";
import { importNotebook } from "./notebook.js";
import { importTextExport, type TextExportOptions } from "./text-export.js";
import type { ImportResult } from "./types.js";

/** Extensions an importer reads, lower case. */
export const NOTEBOOK_EXTENSION = ".ipynb";
export const TEXT_EXPORT_EXTENSION = ".txt";

export function isImportable(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === NOTEBOOK_EXTENSION || extension === TEXT_EXPORT_EXTENSION;
}

/** Converts text already read from `path`; throws LessonLoadError when it is not a notebook at all. */
export function importText(path: string, text: string, options: TextExportOptions = {}): ImportResult {
  const extension = extname(path).toLowerCase();
  if (extension === TEXT_EXPORT_EXTENSION) return importTextExport(path, text, options);
  if (extension !== NOTEBOOK_EXTENSION) {
    throw new LessonLoadError(path, `cannot import a "${extension}" file (expected ${NOTEBOOK_EXTENSION} or ${TEXT_EXPORT_EXTENSION})`);
  }
  const result = importNotebook(path, text);
  if (!result.readable) {
    const fatal = result.messages.find((message) => message.severity === "error");
    throw new LessonLoadError(path, fatal?.reason ?? "not a Jupyter notebook", fatal && { line: fatal.line, column: fatal.column });
  }
  return result;
}

/** Reads and converts a notebook file. Throws LessonLoadError for unreadable input. */
export async function importFile(path: string, options: TextExportOptions = {}): Promise<ImportResult> {
  return importText(path, await readLessonText(path), options);
}
