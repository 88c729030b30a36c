// Which files are lessons: markdown, notebooks and notebook text exports, by extension.
import { basename, extname } from "node:path";

export const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set([".md", ".markdown"]);
export const NOTEBOOK_EXTENSIONS: ReadonlySet<string> = new Set([".ipynb"]);
export const TEXT_EXPORT_EXTENSIONS: ReadonlySet<string> = new Set([".txt"]);

export type LessonFileKind = "markdown" | "ipynb" | "text-export";

export function lessonFileKind(path: string): LessonFileKind | undefined {
  const extension = extname(path).toLowerCase();
  if (MARKDOWN_EXTENSIONS.has(extension)) return "markdown";
  if (NOTEBOOK_EXTENSIONS.has(extension)) return "ipynb";
  if (TEXT_EXPORT_EXTENSIONS.has(extension)) return "text-export";
  return undefined;
}

/** A folder's README describes the folder; it is not a lesson. */
export function isReadme(path: string): boolean {
  return /^readme\.(?:md|markdown)$/i.test(basename(path));
}

/** A text export has at least one `In [N]:` header line (plain .txt files are not lessons). */
export function looksLikeTextExport(text: string): boolean {
  return /^In \[\s*\d*\s*\]:/m.test(text);
}
