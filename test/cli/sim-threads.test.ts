// Simulator sessions in worker threads (the built CLI's drift and multi-engine check): same
// results as on the main thread, and the main thread stays free while a simulated cell loops.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CellRun, Engine } from "../../src/runners/types.js";

const BUILT = path.resolve("build/src/pipeline/sim-threads.js");
// The in-process engine of the same build: the sources may have moved on since it was compiled.
const BUILT_ENGINE = path.resolve("build/src/runners/sim/engine.js");
const built = existsSync(BUILT) && existsSync(path.resolve("build/src/pipeline/sim-worker.js"));

const CELLS = [
  "a = [1, 2, 3]\nb = a\nprint(hex(id(a)) == hex(id(b)))",
  "import sys\nsys.getrefcount(None) == 4294967295",
  "total = 0\nfor number in range(300000):\n    total += number\ntotal",
  "1 / 0",
];

async function runAll(engine: Engine): Promise<CellRun[]> {
  const session = await engine.open({ lessonPath: "threads.md", display: "pretty", replay: false });
  const runs: CellRun[] = [];
  for (const [index, source] of CELLS.entries()) runs.push(await session.run({ index, source, sourceLine: 1, timeoutMs: 30_000 }));
  await session.close();
  return runs;
}

const shown = (runs: readonly CellRun[]) => runs.map((run) => [run.status, run.output, run.exception?.type ?? null]);

describe.skipIf(!built)(`simulator sessions in worker threads${built ? "" : " (no build/: run `npm run build` first; skipped)"}`, () => {
  it("give what the main thread gives, and leave the main thread's timers running", async () => {
    const threads = (await import(pathToFileURL(BUILT).href)) as typeof import("../../src/pipeline/sim-threads.js");
    const { createSimEngine } = (await import(pathToFileURL(BUILT_ENGINE).href)) as typeof import("../../src/runners/sim/engine.js");
    const pool = new threads.SimWorkerPool(2);
    try {
      const threaded = new threads.ThreadedSimEngine({ kind: "sim", profile: "3.12" }, pool);
      let ticks = 0;
      const timer = setInterval(() => (ticks += 1), 5);
      const started = performance.now();
      const inThreads = await runAll(threaded);
      const elapsed = performance.now() - started;
      clearInterval(timer);
      // A blocked main thread would tick about once for the whole run.
      expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 50));
      expect(shown(inThreads)).toEqual(shown(await runAll(createSimEngine("3.12"))));
      expect(shown(inThreads)[3]).toEqual(["exception", "", "ZeroDivisionError"]);
    } finally {
      await pool.close();
    }
  });

  it("move a session that runs out of JavaScript stack to a deep-stack worker, replaying its cells", async () => {
    const threads = (await import(pathToFileURL(BUILT).href)) as typeof import("../../src/pipeline/sim-threads.js");
    const { createSimEngine } = (await import(pathToFileURL(BUILT_ENGINE).href)) as typeof import("../../src/runners/sim/engine.js");
    // 50,000 levels: beyond a default thread's stack, well within the worker's 64 MB.
    const cells = ["import sys\nsys.setrecursionlimit(50_000)\nstart = 5\nstart", "def down(n):\n    return down(n + 1)\ndown(start)", "start + 1"];
    const runCells = async (engine: Engine) => {
      const session = await engine.open({ lessonPath: "deep.md", display: "pretty", replay: false });
      const runs: CellRun[] = [];
      for (const [index, source] of cells.entries()) runs.push(await session.run({ index, source, sourceLine: 1, timeoutMs: 30_000 }));
      await session.close();
      return runs.map((run) => [run.status, run.output]);
    };
    // This thread's stack does not hold them: the cell is refused here...
    const here = await runCells(createSimEngine("3.12"));
    expect(here[1]![0]).toBe("unsupported");
    // ...and the fallback finishes the lesson in a worker, with the state the earlier cells made.
    const moved = await threads.withSimThreads([createSimEngine("3.12")], 1, ([engine]) => runCells(engine!), { enabled: true, onStackOnly: true });
    expect(moved).toEqual([
      ["ok", "5\n"],
      ["exception", ""],
      ["ok", "6\n"],
    ]);
  });
});
