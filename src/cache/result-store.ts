// The on-disk store of cached cell runs: one JSON file per key, written atomically.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CellRun } from "../runners/types.js";
import { CACHE_FORMAT } from "./cache-key.js";

/** The default folder, under the directory lessonkit runs in. */
export const DEFAULT_CACHE_DIR = ".lessonkit-cache";

/**
 * A stored cell run. `runId` names the lesson execution it came from: a lesson is only served
 * when all its cells come from one execution, so addresses shown by different cells stay the
 * addresses of one process. `lineOffset` replaces `unsupported.line` (which counts lesson-file
 * lines) by its distance from the cell's first line, so moving a cell keeps its entry usable.
 */
export interface StoredCell {
  readonly format: number;
  readonly key: string;
  readonly runId: string;
  readonly run: CellRun;
  readonly lineOffset?: number;
}

// Marks the folder as a cache for backup tools (https://bford.info/cachedir/) and keeps it out of git.
const CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is lessonkit's result cache; it can be deleted at any time.\n";

export class ResultStore {
  private prepared: Promise<void> | undefined;

  constructor(readonly directory: string) {}

  private fileOf(key: string): string {
    return path.join(this.directory, `v${CACHE_FORMAT}`, key.slice(0, 2), `${key}.json`);
  }

  /** The entry under `key`, or undefined when absent, unreadable or of another format. */
  async read(key: string): Promise<StoredCell | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(key), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as StoredCell;
      if (entry.format !== CACHE_FORMAT || entry.key !== key || typeof entry.runId !== "string" || typeof entry.run !== "object") return undefined;
      return entry;
    } catch {
      // A file cut short by a crash of an older writer, or edited by hand: a miss, not an error.
      return undefined;
    }
  }

  /**
   * Writes to a temporary file in the same folder and renames it over the entry: rename is
   * atomic on one file system, so a reader (another lessonkit process) sees the old entry or
   * the new one, never half of one, and two writers of one key leave one whole entry.
   */
  async write(entry: StoredCell): Promise<void> {
    await this.prepare();
    const file = this.fileOf(entry.key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify(entry), "utf8");
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await mkdir(this.directory, { recursive: true });
      await writeFile(path.join(this.directory, "CACHEDIR.TAG"), CACHEDIR_TAG, { flag: "w" });
      await writeFile(path.join(this.directory, ".gitignore"), "*\n", { flag: "w" });
    })();
    return this.prepared;
  }
}
