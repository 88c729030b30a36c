// Runs display cases in the simulator and in a real CPython (real IPython or the driver's
// emulated kernel), one session per engine for a whole case list, each case's outputs with its
// addresses replaced by identity-keeping symbols.
import { createSimEngine } from "../../../src/runners/sim/engine.js";
import { createPythonEngine, resolveInterpreter } from "../../../src/runners/python/index.js";
import type { Engine } from "../../../src/runners/types.js";
import { shown, symbolize } from "../../support/differential.js";

/** One case: cells run in order in the shared session; what they show is compared as a whole. */
export type DisplayCase = string | readonly string[];

const engines = new Map<string, Promise<Engine | null>>();

/**
 * A real interpreter of `version` running real IPython ("ipython") or the driver's emulation of
 * IPython 8's display ("emulated"); null when that interpreter (or IPython) is not installed.
 */
export function realEngine(version: string, kernel: "ipython" | "emulated"): Promise<Engine | null> {
  const key = `${version}/${kernel}`;
  let engine = engines.get(key);
  if (engine === undefined) {
    engine = resolveInterpreter(version)
      .then((info) => (kernel === "ipython" && !info.hasIPython ? null : createPythonEngine({ python: version, kernel })))
      .catch(() => null);
    engines.set(key, engine);
  }
  return engine;
}

/** What each case shows on `engine` (all cases in one session, in order). */
export async function showCases(engine: Engine, cases: readonly DisplayCase[]): Promise<string[]> {
  const session = await engine.open({ lessonPath: "display.md", display: "pretty", replay: false });
  try {
    const results: string[] = [];
    let index = 0;
    for (const displayCase of cases) {
      const cells = typeof displayCase === "string" ? [displayCase] : displayCase;
      const texts: string[] = [];
      for (const source of cells) texts.push(shown(await session.run({ index: index++, source, sourceLine: 1, timeoutMs: 20_000 })));
      results.push(symbolize(texts).join(""));
    }
    return results;
  } finally {
    await session.close();
  }
}

export function simulatedCases(profile: string, cases: readonly DisplayCase[]): Promise<string[]> {
  return showCases(createSimEngine(profile), cases);
}

/** Pairs each case's source with its output, so a failing comparison names the case. */
export function labelled(cases: readonly DisplayCase[], outputs: readonly string[]): string[] {
  return cases.map((displayCase, index) => `${typeof displayCase === "string" ? displayCase : displayCase.join("\n---\n")}\n=>\n${outputs[index]}`);
}
