// Runs a cell sequence in the simulator and in each installed CPython 3.6–3.13 and expects the
// same outputs (addresses as identity-keeping symbols); versions not installed skip visibly.
import { describe, expect, it } from "vitest";
import { cpython, simulate } from "../../support/differential.js";

export const CPYTHON_VERSIONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;

/** One describe per version: the simulator's profile against the real interpreter. */
export function agreesWithCPython(title: string, cells: readonly string[], versions: readonly string[] = CPYTHON_VERSIONS): void {
  for (const version of versions) {
    describe(`${title} (${version})`, async () => {
      const real = await cpython(version, cells);
      const name = real === null ? `matches CPython ${version} (CPython ${version} not installed)` : `matches CPython ${version} cell by cell`;
      it.skipIf(real === null)(name, async () => {
        const simulated = await simulate(version, cells);
        expect(simulated).toEqual(real);
      });
    });
  }
}
