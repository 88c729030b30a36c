// A lesson's own modules (files and folders next to it) are refused by name, never reported as
// missing; names found nowhere raise ModuleNotFoundError as CPython does.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimEngine } from "../../../src/runners/sim/engine.js";
import { localModuleNames } from "../../../src/runners/sim/local-modules.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "lessonkit-local-modules-"));
  await writeFile(path.join(folder, "helpers.py"), "x = 1\n");
  await writeFile(path.join(folder, "notes.txt"), "not a module\n");
  await writeFile(path.join(folder, "lesson.md"), "# lesson\n");
  await mkdir(path.join(folder, "shapes"));
  await mkdir(path.join(folder, "not-a-package"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("local modules of a lesson", () => {
  it("lists Python files and folders with importable names", () => {
    expect(localModuleNames(path.join(folder, "lesson.md"))).toEqual(["helpers", "shapes"]);
    expect(localModuleNames(path.join(folder, "missing-folder", "lesson.md"))).toEqual([]);
  });

  it("refuses them by name in the simulator and reports other names as missing", async () => {
    const session = await createSimEngine("3.12").open({ lessonPath: path.join(folder, "lesson.md"), display: "pretty", replay: false });
    const run = (index: number, source: string) => session.run({ index, source, sourceLine: 1, timeoutMs: 10_000 });
    try {
      const helpers = await run(0, "import helpers");
      expect(helpers.status).toBe("unsupported");
      expect(helpers.unsupported?.feature).toBe("module 'helpers'");
      expect((await run(1, "from shapes import circle")).status).toBe("unsupported");
      const missing = await run(2, "import no_such_module_here");
      expect(missing.status).toBe("exception");
      expect(missing.exception?.type).toBe("ModuleNotFoundError");
    } finally {
      await session.close();
    }
  });
});
