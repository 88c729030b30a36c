// Differential test: dict order, table growth and sys.getsizeof against real CPython 3.6–3.13.

import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findInterpreters, runOracle } from "../hashing/python-interpreters.js";
import { compareScenarios, describeAgreement } from "./compare.js";
import { type DictSnapshot, runDictScenario } from "./model-runner.js";
import { buildDictScenarios } from "./scenarios.js";

const ORACLE = fileURLToPath(new URL("./tables_oracle.py", import.meta.url));
const interpreters = findInterpreters();
const scenarios = buildDictScenarios(0xd1c7_0001, 300);

describe.skipIf(interpreters.length === 0)("dict tables agree with real CPython (needs ~/.pyenv/versions/3.x or python3.x on PATH)", () => {
  for (const interpreter of interpreters) {
    describe(`CPython ${interpreter.label}`, () => {
      let theirs: DictSnapshot[][];
      beforeAll(() => {
        theirs = runOracle<{ dicts: DictSnapshot[][] }>(interpreter, ORACLE, { dicts: scenarios }).dicts;
      });

      it("builds, grows, shrinks, copies and sizes every scenario's dicts as CPython does", () => {
        const ours = scenarios.map((scenario) => runDictScenario(interpreter.version, scenario));
        const agreement = compareScenarios(scenarios, ours, theirs, (scenario, index) => scenario[index]);
        console.info(`[dict differential] ${describeAgreement(`CPython ${interpreter.label}`, agreement)}`);
        expect(agreement.firstMismatches).toEqual([]);
        expect(agreement.snapshots).toBeGreaterThan(1000);
      });
    });
  }
});
