// Watches lesson files and folders (fs.watch) and reports changed lesson files in debounced
// batches, so an editor's save (often several writes and a rename) causes one rebuild.
import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";

const LESSON_FILE = /\.(md|ipynb|txt)$/i;

export interface WatchLessonsOptions {
  /** Files and folders as given on the command line. */
  readonly paths: readonly string[];
  /** Changes under these folders are ignored (the site being written). */
  readonly ignore: readonly string[];
  readonly debounceMs: number;
  /** Absolute paths of the lesson files that changed (created, edited, renamed or deleted). */
  readonly onChange: (changed: readonly string[]) => void;
  readonly onError?: (error: Error) => void;
}

export interface LessonWatcher {
  close(): void;
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

export async function watchLessons(options: WatchLessonsOptions): Promise<LessonWatcher> {
  const ignored = options.ignore.map((folder) => path.resolve(folder));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    const changed = [...pending].sort();
    pending.clear();
    if (changed.length > 0) options.onChange(changed);
  };
  const noticed = (file: string): void => {
    if (!LESSON_FILE.test(file) || ignored.some((folder) => inside(file, folder))) return;
    pending.add(file);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };

  const watchers: FSWatcher[] = [];
  for (const given of options.paths) {
    const target = path.resolve(given);
    const isFolder = (await stat(target)).isDirectory();
    // A single file is watched through its folder: editors save by writing a new file and
    // renaming it over the old one, which ends a watch on the file itself.
    const folder = isFolder ? target : path.dirname(target);
    const watcher = watch(folder, { recursive: isFolder }, (_event, name) => {
      if (name === null) return;
      const file = path.join(folder, name.toString());
      if (!isFolder && file !== target) return;
      noticed(file);
    });
    watcher.on("error", (error) => options.onError?.(error));
    watchers.push(watcher);
  }
  return {
    close(): void {
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
