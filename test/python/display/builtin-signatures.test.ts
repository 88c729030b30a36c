// The table of built-in signatures is what each installed CPython measures today (the tool that
// wrote it, run again in its "measure" mode), and versions never measured are refused.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveInterpreter } from "../../../src/runners/python/index.js";
import { tablesFor } from "../../../src/python/display/builtin-signatures.js";
import { MEASURED_MINORS } from "../../../src/python/display/builtin-signature-data.js";
import { simulate } from "../../support/differential.js";

const TOOL = path.resolve("src/python/display/tools/measure-builtin-signatures.py");

interface Measurement {
  readonly functions: Record<string, string | null>;
  readonly methods: Record<string, string | null>;
}

async function interpreter(version: string): Promise<string | null> {
  try {
    return (await resolveInterpreter(version)).executable;
  } catch {
    return null;
  }
}

/** Measured entries that the tool leaves out of the table ("!unsupported": inspect raised TypeError). */
function comparable(entries: Record<string, string | null>): Map<string, string | null> {
  return new Map(Object.entries(entries).filter(([, value]) => value !== "!unsupported"));
}

for (const minor of MEASURED_MINORS) {
  const version = `3.${minor}`;
  describe(`built-in signatures of CPython ${version}`, async () => {
    const python = await interpreter(version);
    it.skipIf(python === null)(`match a fresh measurement${python === null ? ` (CPython ${version} not installed)` : ""}`, () => {
      const measured = JSON.parse(execFileSync(python!, [TOOL, "measure"], { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: "0" } })) as Measurement;
      const tables = tablesFor(minor);
      expect(new Map(tables.functions)).toEqual(comparable(measured.functions));
      expect(new Map(tables.methods)).toEqual(comparable(measured.methods));
    });
  });
}

describe("versions without measured signatures", () => {
  it("refuses to show a built-in function on 3.14 rather than guess its signature", async () => {
    const [shown] = await simulate("3.14", ["len"]);
    expect(shown).toMatch(/^<unsupported: IPython display of built-in functions on Python 3\.14/);
  });

  it("still shows Python functions on 3.14", async () => {
    const [shown] = await simulate("3.14", ["def f(x, y=1): pass\nf"]);
    expect(shown).toBe("<function __main__.f(x, y=1)>\n");
  });
});
