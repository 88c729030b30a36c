// Process lifecycle: close() leaves no process behind, idle sessions do not hold Node, runs stay in order.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPythonEngine, PythonEngine } from "../../../src/runners/python/engine.js";
import { EngineUnavailableError } from "../../../src/runners/types.js";
import { interpreters, ipythonInterpreter, TESTED_VERSIONS } from "./interpreters.js";
import { engineFor, openSession } from "./sessions.js";

const interpreter = TESTED_VERSIONS.map((version) => interpreters.get(version)).find((found) => found !== undefined);
const withoutIPython = TESTED_VERSIONS.map((version) => interpreters.get(version)).find((found) => found && !found.hasIPython);

/** True while `pid` is a live process (a zombie counts as gone: it only waits to be reaped). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").pop()?.[0];
    return state !== "Z";
  } catch {
    return true;
  }
}

/** Processes (ProcessWrap) and pipes (PipeWrap) currently keeping Node's event loop alive. */
function handlesKeepingNodeAlive(): number {
  return process.getActiveResourcesInfo().filter((type) => type === "ProcessWrap" || type === "PipeWrap").length;
}

async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

const title = interpreter ? `session lifecycle on CPython ${interpreter.version}` : "session lifecycle: skipped, no CPython 3.6-3.13 installed";

describe.skipIf(!interpreter)(title, () => {
  let engine: PythonEngine;

  beforeAll(async () => {
    engine = await engineFor(interpreter!.executable, "emulated");
  });

  it("close() kills the driver and what the lesson started, leaving no zombie", async () => {
    const test = await openSession(engine);
    const driverPid = test.session.interpreter!.pid!;
    const run = await test.run("import subprocess\nsleeper = subprocess.Popen(['sleep', '30'])\nprint(sleeper.pid)");
    const sleeperPid = Number(run.output.trim());
    expect(isRunning(driverPid) && isRunning(sleeperPid)).toBe(true);
    await test.close();
    expect(isRunning(driverPid)).toBe(false);
    expect(() => process.kill(driverPid, 0)).toThrow(); // reaped by Node, not a zombie
    expect(await eventually(() => !isRunning(sleeperPid))).toBe(true);
  });

  it("a timeout kills the old interpreter before starting a new one", async () => {
    const test = await openSession(engine);
    try {
      const firstPid = test.session.interpreter!.pid!;
      expect((await test.run("while True: pass", 500)).status).toBe("timeout");
      expect(() => process.kill(firstPid, 0)).toThrow();
      expect((await test.run("print('fresh')")).output).toBe("fresh\n");
      expect(test.session.interpreter!.pid).not.toBe(firstPid);
    } finally {
      await test.close();
    }
  });

  it("an idle session that is never closed does not keep Node alive", async () => {
    // Handles of earlier tests may still be closing, so compare with counts taken around the run.
    const before = handlesKeepingNodeAlive();
    const test = await openSession(engine);
    try {
      const idle = handlesKeepingNodeAlive();
      expect(idle).toBeLessThanOrEqual(before);
      const pending = test.run("import time\ntime.sleep(0.3)\nprint('slept')");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(handlesKeepingNodeAlive()).toBeGreaterThan(idle); // busy: Node must wait for the answer
      expect((await pending).output).toBe("slept\n");
      expect(handlesKeepingNodeAlive()).toBeLessThanOrEqual(idle);
    } finally {
      await test.close();
    }
  });

  it("runs cells in the order they were submitted, even without awaiting each one", async () => {
    const test = await openSession(engine);
    try {
      const runs = await Promise.all([
        test.run("import time\ntime.sleep(0.2)\norder = ['first']"),
        test.run("order.append('second')"),
        test.run("order"),
      ]);
      expect(runs.map((run) => run.status)).toEqual(["ok", "ok", "ok"]);
      expect(runs[2]!.output).toBe("['first', 'second']\n");
    } finally {
      await test.close();
    }
  });

  it("reports an interpreter that exits during a cell as a crash with its exit code", async () => {
    const test = await openSession(engine);
    try {
      const run = await test.run("print('leaving', flush=True)\nimport os\nos._exit(5)");
      expect(run.status).toBe("crash");
      expect(run.output).toBe("leaving\n"); // flushed explicitly before the process went away
      expect(run.engineMessage).toBe(
        "The Python process exited with code 5 while running the cell at line 1 of test-lesson.md; " +
          "the next cell runs in a fresh interpreter, without the earlier cells' state.",
      );
      expect((await test.run("print('back')")).output).toBe("back\n");
    } finally {
      await test.close();
    }
  });

  it("refuses cells after close() with an engine error", async () => {
    const test = await openSession(engine);
    await test.close();
    const run = await test.run("print('too late')");
    expect([run.status, run.engineMessage]).toEqual(["error", "The session was closed before this cell ran."]);
  });

  it("runs in the lesson's folder, with that folder importable (as Jupyter does)", async () => {
    const lessonFolder = await mkdtemp(path.join(tmpdir(), "lessonkit-lesson-"));
    try {
      await writeFile(path.join(lessonFolder, "helper_module.py"), "ANSWER = 42\n");
      const session = await engine.open({ lessonPath: path.join(lessonFolder, "lesson.md"), display: "pretty", replay: false });
      try {
        const run = await session.run({
          index: 0,
          source: "import os, sys, helper_module\nprint(os.getcwd() == os.path.realpath(%r), sys.path[0] == '', helper_module.ANSWER)".replace(
            "%r",
            JSON.stringify(lessonFolder),
          ),
          sourceLine: 1,
          timeoutMs: 10_000,
        });
        expect(run.output).toBe("True True 42\n");
      } finally {
        await session.close();
      }
    } finally {
      await rm(lessonFolder, { recursive: true, force: true });
    }
  });

  it("sets PYTHONHASHSEED=0 so that sets of strings print in a fixed order", async () => {
    const test = await openSession(engine);
    try {
      const run = await test.run("import os\nprint(os.environ['PYTHONHASHSEED'], hash('lessonkit') == hash('lessonkit'))\nlist({'kiwi', 'fig', 'plum', 'pear'})");
      const again = await openSession(engine);
      try {
        const second = await again.run("list({'kiwi', 'fig', 'plum', 'pear'})");
        expect(run.output.split("\n")[0]).toBe("0 True");
        expect(run.output.split("\n").slice(1).join("\n")).toBe(second.output);
      } finally {
        await again.close();
      }
    } finally {
      await test.close();
    }
  });
});

describe("engine creation", () => {
  it("throws EngineUnavailableError for a Python version that is not installed", async () => {
    await expect(createPythonEngine({ python: "3.99" })).rejects.toBeInstanceOf(EngineUnavailableError);
  });

  it.skipIf(!withoutIPython)(
    withoutIPython ? `refuses --kernel ipython on CPython ${withoutIPython.version}, which lacks IPython` : "refuses --kernel ipython: skipped, every interpreter has IPython",
    async () => {
      await expect(createPythonEngine({ python: withoutIPython!.executable, kernel: "ipython" })).rejects.toThrow(
        /IPython is not installed for .*-m pip install ipython.*--kernel emulated/s,
      );
      const auto = await createPythonEngine({ python: withoutIPython!.executable });
      expect(auto.identity).toMatchObject({ kind: "python", kernel: "emulated", version: withoutIPython!.version });
    },
  );

  it.skipIf(!withoutIPython)(
    withoutIPython ? `reports a driver that cannot import IPython on CPython ${withoutIPython.version}` : "driver start-up failure: skipped",
    async () => {
      const forced = new PythonEngine(withoutIPython!, "ipython", { outputLimitBytes: 1 << 20, startupTimeoutMs: 30_000, env: process.env });
      const opening = forced.open({ lessonPath: "x.md", display: "pretty", replay: false });
      await expect(opening).rejects.toBeInstanceOf(EngineUnavailableError);
      await expect(opening).rejects.toThrow(/The Python driver could not start: ModuleNotFoundError: No module named 'IPython'/);
    },
  );

  it.skipIf(!ipythonInterpreter)(
    ipythonInterpreter ? `picks real IPython by default on CPython ${ipythonInterpreter.version}` : "picks IPython by default: skipped, IPython not installed",
    async () => {
      const engine = await createPythonEngine({ python: ipythonInterpreter!.executable });
      expect(engine.identity).toMatchObject({ kernel: "ipython" });
      const test = await openSession(engine);
      try {
        expect(test.session.interpreter?.ready.kernel).toBe("ipython");
        expect(test.session.interpreter?.ready.ipythonVersion).toMatch(/^\d+\.\d+/);
        expect((await test.run("get_ipython().__class__.__mro__[1].__name__")).output).toBe("'InteractiveShell'\n");
      } finally {
        await test.close();
      }
    },
  );
});
