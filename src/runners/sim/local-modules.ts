// The modules a lesson's own folder provides (its `helpers.py`, a `data/` package): importable
// where the lesson runs, so the simulator refuses them by name instead of saying they are missing.
import { readdirSync } from "node:fs";
import path from "node:path";

const MODULE_FILE = /^([A-Za-z_][A-Za-z0-9_]*)\.(py|pyc|pyw|so|pyd)$/;
const PACKAGE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Top-level module names found next to the lesson: Python files and extension modules, and
 * every folder with a valid name (a package, or a namespace package without __init__.py).
 * Empty when the lesson is not a file in a readable folder.
 */
export function localModuleNames(lessonPath: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.dirname(path.resolve(lessonPath)), { withFileTypes: true });
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (PACKAGE_NAME.test(entry.name)) names.add(entry.name);
      continue;
    }
    const match = MODULE_FILE.exec(entry.name);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}
