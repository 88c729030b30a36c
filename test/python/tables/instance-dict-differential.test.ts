// Differential test: instance __dict__ sharing, order and sys.getsizeof against real CPython 3.6–3.13.

import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findInterpreters, runOracle } from "../hashing/python-interpreters.js";
import { compareScenarios, describeAgreement } from "./compare.js";
import { type InstanceSnapshot, runInstanceScenario } from "./model-runner.js";
import { buildInstanceScenarios, type InstanceOp } from "./scenarios.js";

const ORACLE = fileURLToPath(new URL("./tables_oracle.py", import.meta.url));
const interpreters = findInterpreters();
const scenarios = buildInstanceScenarios(0x1257_0001, 300);

/** Snapshots are taken only by "dict" and "dictCopy" ops: find the op of the n-th one. */
function snapshotOp(scenario: readonly InstanceOp[], index: number): InstanceOp | undefined {
  return scenario.filter((op) => op[0] === "dict" || op[0] === "dictCopy")[index];
}

describe.skipIf(interpreters.length === 0)("instance dicts agree with real CPython (needs ~/.pyenv/versions/3.x or python3.x on PATH)", () => {
  for (const interpreter of interpreters) {
    describe(`CPython ${interpreter.label}`, () => {
      let theirs: InstanceSnapshot[][];
      beforeAll(() => {
        theirs = runOracle<{ instances: InstanceSnapshot[][] }>(interpreter, ORACLE, { instances: scenarios }).instances;
      });

      it("shares, splits, combines and sizes every scenario's instance dicts as CPython does", () => {
        const ours = scenarios.map((scenario) => runInstanceScenario(interpreter.version, scenario));
        const agreement = compareScenarios(scenarios, ours, theirs, snapshotOp);
        console.info(`[instance differential] ${describeAgreement(`CPython ${interpreter.label}`, agreement)}`);
        expect(agreement.firstMismatches).toEqual([]);
        expect(agreement.snapshots).toBeGreaterThan(1000);
      });
    });
  }
});
