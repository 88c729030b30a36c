// A content hash of a folder of code, so results cached by one build are not served by another.
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const CODE_FILE = /\.(js|ts|py)$/u;

/**
 * sha256 over the relative paths and contents of the code files below `folder`, in code point
 * order of paths (so the hash does not depend on the order the file system lists them). A
 * missing folder hashes as empty.
 */
export async function folderFingerprint(folder: string): Promise<string> {
  const files: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch {
    entries = [];
  }
  for (const entry of entries) {
    if (entry.isFile() && CODE_FILE.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(path.join(entry.parentPath, entry.name));
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const contents = await Promise.all(files.map((file) => readFile(file)));
  const hash = createHash("sha256");
  files.forEach((file, index) => {
    hash.update(path.relative(folder, file));
    hash.update("\0");
    hash.update(contents[index]!);
    hash.update("\0");
  });
  return hash.digest("hex");
}
