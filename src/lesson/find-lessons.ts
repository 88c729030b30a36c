// Expands the paths given on the command line into lesson files (folders searched recursively).
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { isReadme, lessonFileKind, looksLikeTextExport } from "./lesson-files.js";
import { LessonLoadError } from "./load-error.js";
import { describeIoError } from "./read-text.js";

/** Folder names never searched: dependencies and dot-folders (.git, .ipynb_checkpoints). */
function isSkippedFolder(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/**
 * Files are kept as given (they must have a lesson extension); folders are searched in name
 * order (code point order, the same on every machine) for .md (not README.md), .ipynb, and
 * .txt files that are notebook exports. Each file is listed once, at its first mention.
 * Throws LessonLoadError for a path that does not exist.
 */
export async function findLessonFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const addFile = async (path: string): Promise<void> => {
    const real = await realpath(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    found.push(path);
  };

  const searchFolder = async (folder: string): Promise<void> => {
    const real = await realpath(folder);
    // A symbolic link back up the tree would otherwise loop forever.
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      throw new LessonLoadError(folder, describeIoError(error));
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && (await statOrUndefined(path))?.isDirectory() === true);
      if (isFolder) {
        if (!isSkippedFolder(entry.name)) await searchFolder(path);
        continue;
      }
      const kind = lessonFileKind(path);
      if (kind === undefined || entry.name.startsWith(".")) continue;
      if (kind === "markdown" && isReadme(path)) continue;
      if (kind === "text-export" && !looksLikeTextExport(await readFile(path, "utf8").catch(() => ""))) continue;
      await addFile(path);
    }
  };

  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => {
      throw new LessonLoadError(path, describeIoError(error));
    });
    if (info.isDirectory()) {
      await searchFolder(path);
    } else if (lessonFileKind(path) === undefined) {
      throw new LessonLoadError(path, "not a lesson file (expected .md, .ipynb or .txt, or a folder)");
    } else {
      await addFile(path);
    }
  }
  return found;
}

async function statOrUndefined(path: string) {
  return stat(path).catch(() => undefined);
}
