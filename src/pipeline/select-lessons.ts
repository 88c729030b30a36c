// Which lesson files a command works on: the paths given (default lessons/), then a CI shard.
import { findLessonFiles } from "../lesson/load.js";
import { UsageError } from "../runners/create-engine.js";

/** `--shard I/N`: lessons whose position is I-1 modulo N. */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new UsageError(`--shard must look like 2/4, not "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${text}: I must be between 1 and N`);
  return { index, count };
}

export async function selectLessonFiles(paths: readonly string[], shardText?: string): Promise<string[]> {
  const files = await findLessonFiles(paths.length > 0 ? paths : ["lessons"]);
  const shard = parseShard(shardText);
  if (shard === undefined) return files;
  return files.filter((_file, position) => position % shard.count === shard.index - 1);
}
