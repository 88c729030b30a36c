// Reads a lesson file as UTF-8 text, turning every I/O failure into a LessonLoadError.
import { readFile } from "node:fs/promises";
import { LessonLoadError } from "./load-error.js";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's text exactly as stored (a byte order mark is kept, so rewriting keeps it too). */
export async function readLessonText(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new LessonLoadError(path, describeIoError(error));
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new LessonLoadError(path, "is not UTF-8 text");
  }
}

export function describeIoError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EISDIR":
      return "is a directory, not a lesson file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
