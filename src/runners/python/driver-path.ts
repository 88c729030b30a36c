// Locates driver.py, which ships as a source file next to this module (src) or under src/ (build).
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EngineUnavailableError } from "../types.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of driver.py, whether this module runs from src/ or from build/src/. */
export function driverScriptPath(): string {
  const candidates = [
    path.join(here, "driver.py"),
    // build/src/runners/python/ -> src/runners/python/ (package.json ships driver.py from src/).
    path.resolve(here, "..", "..", "..", "..", "src", "runners", "python", "driver.py"),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new EngineUnavailableError(`lessonkit's driver.py is missing; looked at ${candidates.join(" and ")}. Reinstall lessonkit.`);
  }
  return found;
}
