// Runs a sequence of notebook cells in the simulator and in each installed CPython 3.6–3.13, and
// compares what every cell shows (addresses replaced by identity-keeping symbols): the harness of
// the differential type tests.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "./differential.js";

export const ALL_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;

/** Each cell next to what it showed, so a failing comparison names the cell. */
function shownBy(cells: readonly string[], outputs: readonly string[]): string[] {
  return cells.map((cell, index) => `${cell}\n  => ${JSON.stringify(outputs[index])}`);
}

/**
 * One describe block per version: the cells run in one session on both engines and must show
 * the same thing cell by cell. A version whose interpreter is missing is skipped by name.
 */
export function agreesWithCPython(topic: string, cells: readonly string[], versions: readonly string[] = ALL_VERSIONS): void {
  for (const version of versions) {
    describe(`${topic}: simulator ${version} vs CPython ${version}`, async () => {
      const real = await cpython(version, cells);
      it.skipIf(real === null)(`agrees cell by cell${real === null ? ` (CPython ${version} not installed)` : ""}`, async () => {
        const simulated = await simulate(version, cells);
        expect(shownBy(cells, simulated)).toEqual(shownBy(cells, real!));
      });
    });
  }
}
