// Shared harness of the number and math differential tests: runs a list of independent cells in
// the simulator and in each installed CPython, and compares what every cell shows.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

import { ALL_VERSIONS } from "../../support/agreement.js";

export { ALL_VERSIONS };

export interface DifferentialOptions {
  /** Cells run first in both interpreters (imports, helper definitions); not compared separately. */
  readonly prelude?: readonly string[];
  readonly versions?: readonly string[];
}

/**
 * One `describe` per version: the simulator profile must show exactly what the real CPython of
 * that version shows, cell by cell. Skipped, with the reason in its name, when the version is
 * not installed.
 */
export function differentialSuite(title: string, cells: readonly string[], options: DifferentialOptions = {}): void {
  const prelude = options.prelude ?? [];
  for (const version of options.versions ?? ALL_VERSIONS) {
    describe(`${title}: simulator ${version} vs CPython ${version}`, async () => {
      const all = [...prelude, ...cells];
      const real = await cpython(version, all);
      it.skipIf(real === null)(`agrees on ${cells.length} cells${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
        const simulated = await simulate(version, all);
        const pairs = cells.map((cell, index) => ({ cell, simulated: simulated[prelude.length + index], cpython: real![prelude.length + index] }));
        expect(pairs.filter((pair) => pair.simulated !== pair.cpython)).toEqual([]);
        expect(simulated.slice(0, prelude.length)).toEqual(real!.slice(0, prelude.length));
      });
    });
  }
}

/**
 * A known gap: the simulator still disagrees with CPython on these cells. The test passes while
 * the gap exists and fails (asking to be moved to the agreeing cells) once it is closed.
 */
export function knownGap(title: string, version: string, cells: readonly string[], prelude: readonly string[] = []): void {
  describe(`xfail ${title} (${version})`, async () => {
    const all = [...prelude, ...cells];
    const real = await cpython(version, all);
    it.skipIf(real === null).fails(`simulator ${version} differs from CPython${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
      expect(await simulate(version, all)).toEqual(real);
    });
  });
}
