// Notices when a build swaps the site folder in (a rename in its parent folder), debounced, so
// `serve` can tell open pages to reload once per build.
import { watch, type FSWatcher } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

export interface SwapWatcher {
  close(): void;
}

export async function watchFolderSwaps(folder: string, debounceMs: number, onSwap: () => void): Promise<SwapWatcher> {
  const resolved = path.resolve(folder);
  const parent = path.dirname(resolved);
  const name = path.basename(resolved);
  await mkdir(parent, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  // The parent is watched, not the folder: a swap replaces the folder, which would end a watch on it.
  const watcher: FSWatcher = watch(parent, (_event, changed) => {
    if (changed === null || changed.toString() !== name) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onSwap();
    }, debounceMs);
  });
  return {
    close(): void {
      if (timer !== undefined) clearTimeout(timer);
      watcher.close();
    },
  };
}
