// The lesson cache on disk: whole lessons served from one execution, never across engines,
// engine failures never kept, entries written atomically.
import { describe, expect, it } from "vitest";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LessonCache } from "../../src/cache/lesson-cache.js";
import { ResultStore } from "../../src/cache/result-store.js";
import { parseLesson } from "../../src/lesson/parse.js";
import { runLessonCached } from "../../src/pipeline/cached-run.js";
import { createSimEngine } from "../../src/runners/sim/engine.js";
import type { CellRun, EngineIdentity } from "../../src/runners/types.js";

const SIM_312: EngineIdentity = { kind: "sim", profile: "3.12" };
const SIM_38: EngineIdentity = { kind: "sim", profile: "3.8" };
const settings = { timeoutMs: 30_000, attempt: 1 };

const folder = () => mkdtemp(path.join(tmpdir(), "lessonkit-cache-"));
const lessonText = (cells: readonly string[]): string => cells.map((cell) => `\`\`\`python\n${cell}\n\`\`\`\n`).join("\nText.\n\n");
const runOf = (index: number, output: string, status: CellRun["status"] = "ok"): CellRun => ({ index, status, output, durationMs: 3 });

async function allFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("LessonCache", () => {
  it("serves a recorded lesson whole, and only to the same engine", async () => {
    const cache = new LessonCache(await folder());
    const lesson = parseLesson("a.md", lessonText(["x = 1", "print(x)"]));
    const first = await cache.lookup(lesson, SIM_312, settings);
    expect(first.runs).toBeUndefined();
    expect(await cache.record(lesson, first.keys, new Map([[0, runOf(0, "")], [1, runOf(1, "1\n")]]))).toBe(true);
    const second = await cache.lookup(lesson, SIM_312, settings);
    expect([...second.runs!.values()].map((run) => run.output)).toEqual(["", "1\n"]);
    expect((await cache.lookup(lesson, SIM_38, settings)).runs).toBeUndefined();
    expect((await cache.lookup(lesson, SIM_312, { ...settings, attempt: 2 })).runs).toBeUndefined();
    expect(cache.stats).toMatchObject({ lessonHits: 1, lessonMisses: 3, lessonsStored: 1 });
  });

  it("keeps nothing of a lesson in which a cell timed out", async () => {
    const cache = new LessonCache(await folder());
    const lesson = parseLesson("a.md", lessonText(["x = 1", "while True: pass"]));
    const { keys } = await cache.lookup(lesson, SIM_312, settings);
    expect(await cache.record(lesson, keys, new Map([[0, runOf(0, "")], [1, runOf(1, "", "timeout")]]))).toBe(false);
    expect((await cache.lookup(lesson, SIM_312, settings)).runs).toBeUndefined();
  });

  it("never mixes cells of two executions, whose addresses would disagree", async () => {
    const cache = new LessonCache(await folder());
    const original = parseLesson("a.md", lessonText(["a = []", "hex(id(a))", "print('one')"]));
    const edited = parseLesson("a.md", lessonText(["a = []", "hex(id(a))", "print('two')"]));
    const record = async (lesson: typeof original, address: string, last: string): Promise<void> => {
      const { keys } = await cache.lookup(lesson, SIM_312, settings);
      await cache.record(lesson, keys, new Map([[0, runOf(0, "")], [1, runOf(1, `'${address}'\n`)], [2, runOf(2, last)]]));
    };
    await record(original, "0x7f0000001000", "one\n");
    await record(edited, "0x7f0000009000", "two\n");
    // Cells 0 and 1 now hold the second execution, cell 2 of the original the first: a miss.
    expect((await cache.lookup(original, SIM_312, settings)).runs).toBeUndefined();
    expect((await cache.lookup(edited, SIM_312, settings)).runs?.get(1)?.output).toBe("'0x7f0000009000'\n");
  });

  it("reads a damaged entry as a miss", async () => {
    const directory = await folder();
    const cache = new LessonCache(directory);
    const lesson = parseLesson("a.md", lessonText(["print(1)"]));
    const { keys } = await cache.lookup(lesson, SIM_312, settings);
    await cache.record(lesson, keys, new Map([[0, runOf(0, "1\n")]]));
    const entry = (await allFiles(directory)).find((file) => file.endsWith(".json"))!;
    await writeFile(entry, (await readFile(entry, "utf8")).slice(0, 20));
    expect((await cache.lookup(lesson, SIM_312, settings)).runs).toBeUndefined();
  });
});

describe("ResultStore", () => {
  it("leaves one whole entry and no temporary files when many writers race on a key", async () => {
    const directory = await folder();
    const writers = Array.from({ length: 8 }, () => new ResultStore(directory));
    const key = "ab".repeat(32);
    const big = "x".repeat(200_000);
    await Promise.all(
      writers.map((store, writer) => store.write({ format: 1, key, runId: `run-${writer}`, run: runOf(0, `${writer}${big}`) })),
    );
    const entry = await new ResultStore(directory).read(key);
    expect(entry?.run.output).toBe(`${entry!.runId.slice(4)}${big}`);
    const files = await allFiles(directory);
    expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
    expect(files.map((file) => path.basename(file)).sort()).toEqual([".gitignore", "CACHEDIR.TAG", `${key}.json`]);
  });
});

describe("runLessonCached with the simulator", () => {
  it("serves an unchanged lesson from the cache and runs it again once a cell changes", async () => {
    const cache = new LessonCache(await folder());
    const engine = createSimEngine("3.12");
    const cells = ["total = 0", "for number in range(20000):\n    total += number", "print(total)"];
    const lesson = parseLesson("sum.md", lessonText(cells));
    const coldStart = performance.now();
    const cold = await runLessonCached(lesson, engine, { timeoutMs: 30_000, cache });
    const coldMs = performance.now() - coldStart;
    const warmStart = performance.now();
    const warm = await runLessonCached(lesson, engine, { timeoutMs: 30_000, cache });
    const warmMs = performance.now() - warmStart;
    expect([cold.fromCache, warm.fromCache]).toEqual([false, true]);
    expect(warm.runs.get(2)?.output).toBe("199990000\n");
    expect([...warm.runs.values()].map((run) => run.output)).toEqual([...cold.runs.values()].map((run) => run.output));
    expect(warmMs).toBeLessThan(coldMs);
    const changed = parseLesson("sum.md", lessonText([...cells.slice(0, 2), "print(total * 2)"]));
    const again = await runLessonCached(changed, engine, { timeoutMs: 30_000, cache });
    expect(again.fromCache).toBe(false);
    expect(again.runs.get(2)?.output).toBe("399980000\n");
  });
});
