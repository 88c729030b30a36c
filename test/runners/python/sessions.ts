// Opens python-engine sessions for tests and runs cells through them with lesson-like requests.
import type { DisplayMode } from "../../../src/lesson/types.js";
import { createPythonEngine, type KernelChoice, type PythonEngine } from "../../../src/runners/python/engine.js";
import type { PythonSession } from "../../../src/runners/python/session.js";
import type { CellRun } from "../../../src/runners/types.js";

export interface TestSession {
  readonly session: PythonSession;
  /** Runs the next cell (indexes and lines are counted for the caller). */
  run(source: string, timeoutMs?: number): Promise<CellRun>;
  close(): Promise<void>;
}

export async function engineFor(executable: string, kernel: KernelChoice): Promise<PythonEngine> {
  return createPythonEngine({ python: executable, kernel });
}

export async function openSession(
  engine: PythonEngine,
  options: { display?: DisplayMode; replay?: boolean } = {},
): Promise<TestSession> {
  const session = await engine.open({
    lessonPath: "test-lesson.md",
    display: options.display ?? "pretty",
    replay: options.replay ?? false,
  });
  let index = 0;
  return {
    session,
    run: (source, timeoutMs = 20_000) => {
      const cell = { index, source, sourceLine: 10 * index + 1, timeoutMs };
      index++;
      return session.run(cell);
    },
    close: () => session.close(),
  };
}

/** Runs `cells` in a fresh session and closes it. */
export async function runAll(engine: PythonEngine, cells: readonly string[], display: DisplayMode = "pretty"): Promise<CellRun[]> {
  const test = await openSession(engine, { display });
  try {
    const runs: CellRun[] = [];
    for (const cell of cells) runs.push(await test.run(cell));
    return runs;
  } finally {
    await test.close();
  }
}

/** Output with memory addresses replaced, for comparing two runs. */
export function withoutAddresses(text: string): string {
  return text.replace(/0x[0-9a-fA-F]+/g, "0x…");
}
