// `--cache-dir DIR` and `--no-cache`: the result cache a command uses, if any.
import path from "node:path";
import { DEFAULT_CACHE_DIR, LessonCache } from "../cache/index.js";
import type { ParsedCommand } from "./parse-command.js";
import type { CommandIo } from "./io.js";

export function cacheFromOptions(command: ParsedCommand, io: CommandIo): LessonCache | undefined {
  if (command.values["no-cache"] === true) return undefined;
  const directory = command.values["cache-dir"] as string | undefined;
  return new LessonCache(path.resolve(io.cwd, directory ?? DEFAULT_CACHE_DIR));
}

/** A warning when entries could not be written (the run itself went on). */
export function reportCacheProblems(cache: LessonCache | undefined, io: CommandIo): void {
  if (cache === undefined || cache.stats.writeFailures === 0) return;
  io.stderr.write(`lessonkit: could not write to the cache in ${cache.directory} (${cache.stats.lastWriteError ?? "unknown error"}); results were not cached\n`);
}
