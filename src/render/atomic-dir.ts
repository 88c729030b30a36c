// Writes a folder whole or not at all: files go to a staging folder beside the target, which is
// then renamed into place. A build killed half-way leaves the previous folder as it was; the next
// build clears the dead build's leftovers (and puts the previous folder back if a kill fell
// between the two renames of the swap).
import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

function stagingPrefix(base: string): string {
  return `.${base}-building-`;
}

function previousName(base: string, pid: number): string {
  return `.${base}-previous-${pid}`;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await readdir(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    return true;
  }
}

/** Clears what builds that died left beside `target` (only theirs: a live build's folders stay). */
export async function recoverInterruptedBuilds(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(building|previous)-(\\d+)`);
  for (const entry of entries.sort()) {
    const match = pattern.exec(entry);
    if (match === null || isAlive(Number(match[2]))) continue;
    const leftover = path.join(parent, entry);
    if (match[1] === "previous" && !(await exists(target))) await rename(leftover, target);
    else await rm(leftover, { recursive: true, force: true });
  }
}

/**
 * Writes `files` (relative path → content) as the whole content of `target`, replacing what was
 * there. `beforeSwap` runs once everything is written (tests use it to stop a build there).
 */
export async function writeFolderAtomically(target: string, files: ReadonlyMap<string, string>, beforeSwap?: () => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  const base = path.basename(resolved);
  await mkdir(parent, { recursive: true });
  await recoverInterruptedBuilds(resolved);
  const staging = await mkdtemp(path.join(parent, `${stagingPrefix(base)}${process.pid}-`));
  try {
    // mkdtemp makes a private folder; the site is for reading, as any folder the user makes.
    await chmod(staging, 0o777 & ~process.umask());
    for (const [name, content] of files) {
      const file = path.join(staging, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content, "utf8");
    }
    await beforeSwap?.();
    const previous = path.join(parent, previousName(base, process.pid));
    await rm(previous, { recursive: true, force: true });
    let hadPrevious = true;
    try {
      await rename(resolved, previous);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      hadPrevious = false;
    }
    await rename(staging, resolved);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
