// Differential test: set iteration order, pop order and sys.getsizeof against real CPython 3.6–3.13.

import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findInterpreters, runOracle } from "../hashing/python-interpreters.js";
import { compareScenarios, describeAgreement } from "./compare.js";
import { runSetScenario, type SetSnapshot } from "./model-runner.js";
import { buildSetScenarios } from "./scenarios.js";

const ORACLE = fileURLToPath(new URL("./tables_oracle.py", import.meta.url));
const interpreters = findInterpreters();
const scenarios = buildSetScenarios(0x5e7_0001, 300);

describe.skipIf(interpreters.length === 0)("set tables agree with real CPython (needs ~/.pyenv/versions/3.x or python3.x on PATH)", () => {
  for (const interpreter of interpreters) {
    describe(`CPython ${interpreter.label}`, () => {
      let theirs: SetSnapshot[][];
      beforeAll(() => {
        theirs = runOracle<{ sets: SetSnapshot[][] }>(interpreter, ORACLE, { sets: scenarios }).sets;
      });

      it("builds, iterates, pops and sizes every scenario's sets as CPython does", () => {
        const ours = scenarios.map((scenario, index) =>
          runSetScenario(interpreter.version, scenario, theirs[index]!.map((snapshot) => snapshot.hint)),
        );
        // Snapshot i is taken right after op i.
        const agreement = compareScenarios(scenarios, ours, theirs, (scenario, index) => scenario[index]);
        console.info(`[set differential] ${describeAgreement(`CPython ${interpreter.label}`, agreement)}`);
        expect(agreement.firstMismatches).toEqual([]);
        expect(agreement.snapshots).toBeGreaterThan(1000);
      });
    });
  }
});
