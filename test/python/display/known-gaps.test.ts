// Displays that still differ from real IPython because of simulator parts outside the display
// (compiler, session display hook, built-in types). Each is expected to fail; when one starts
// passing, its gap was closed and it moves to pretty-ipython.test.ts.
import { describe, expect, it } from "vitest";
import { realEngine, showCases, simulatedCases, type DisplayCase } from "./display-support.js";

const GAPS: readonly (readonly [string, DisplayCase])[] = [
  ["xfail_staticmethod_repr: 3.10+ staticmethod/classmethod reprs", "[staticmethod(len), classmethod(len)]"],
];

describe("known display gaps outside src/python/display (vs real IPython on CPython 3.11)", async () => {
  const engine = await realEngine("3.11", "ipython");
  for (const [name, displayCase] of GAPS) {
    it.skipIf(engine === null).fails(`${name}${engine === null ? " (CPython 3.11 with IPython not installed)" : ""}`, async () => {
      const [real, simulated] = await Promise.all([showCases(engine!, [displayCase]), simulatedCases("3.11", [displayCase])]);
      expect(simulated).toEqual(real);
    });
  }
});
