// What the command line says on stderr about the engines of a multi-engine run.
import type { UnusableInterpreter } from "../runners/python/index.js";
import type { CommandIo } from "./io.js";

/** Unusable interpreters are listed, never fatal: the others still run. */
export function reportUnusable(unusable: readonly UnusableInterpreter[], io: CommandIo): void {
  for (const entry of unusable) io.stderr.write(`lessonkit: not using ${entry.path}: ${entry.reason}\n`);
}
