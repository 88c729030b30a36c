// `lessonkit build --watch`: a saved lesson is re-run and its page rebuilt (once per save, after
// the debounce), and Ctrl-C stops the watcher cleanly.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { watchLessons } from "../../src/render/watch-lessons.js";

const COMPILED = existsSync(path.resolve("build/src/cli/main.js"));

const lesson = (value: string): string => `---\ntitle: Watched\n---\n\n\`\`\`python\nprint(${JSON.stringify(value)})\n\`\`\`\n\n\`\`\`output\n${value}\n\`\`\`\n`;

async function lessonFolder(): Promise<{ folder: string; file: string; out: string }> {
  const base = await mkdtemp(path.join(tmpdir(), "lk-watch-"));
  const folder = path.join(base, "lessons");
  await mkdir(folder);
  const file = path.join(folder, "watched.md");
  await writeFile(file, lesson("first"));
  return { folder, file, out: path.join(base, "dist") };
}

describe("watchLessons", () => {
  it("reports a burst of writes and an editor's rename-over-save as one change of the lesson", async () => {
    const { folder, file } = await lessonFolder();
    const batches: string[][] = [];
    const watcher = await watchLessons({ paths: [folder], ignore: [], debounceMs: 150, onChange: (changed) => batches.push([...changed]) });
    try {
      await writeFile(file, lesson("second"));
      await writeFile(file, lesson("third"));
      await writeFile(`${file}.tmp`, lesson("fourth"));
      await rename(`${file}.tmp`, file);
      await writeFile(path.join(folder, "notes.html"), "not a lesson");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(batches).toEqual([[file]]);
    } finally {
      watcher.close();
    }
  });
});

describe.skipIf(!COMPILED)("lessonkit build --watch (needs the compiled build/: npm run build)", () => {
  it("rebuilds the page when the lesson changes and stops on Ctrl-C (exit 0)", async () => {
    const { folder, file, out } = await lessonFolder();
    const child = spawn(process.execPath, [path.resolve("bin/lessonkit.js"), "build", folder, "--out", out, "--watch"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const waitFor = (pattern: RegExp): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(stdout)) resolve();
        };
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          check();
        });
        child.on("exit", (code) => reject(new Error(`build --watch exited (${code}): ${stdout}`)));
        check();
      });
    await waitFor(/watching/);
    expect(await readFile(path.join(out, "watched.html"), "utf8")).toContain("first");
    await writeFile(file, lesson("changed"));
    await waitFor(/rebuilt after changes to .*watched\.md/);
    const page = await readFile(path.join(out, "watched.html"), "utf8");
    expect(page).toContain("changed");
    expect(page).toContain("✓ simulator 3.13");
    child.kill("SIGINT");
    expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
    expect(stdout).toContain("stopped watching");
  });
});
