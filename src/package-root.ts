// The folder of lessonkit's package.json (for the driver script, templates and the version).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error("lessonkit: cannot find its package.json");
    folder = parent;
  }
  cached = folder;
  return folder;
}
