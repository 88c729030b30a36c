// Differential testing support: run the same cells in the simulator and in a real CPython, and
// compare what a notebook shows with addresses replaced by identity-keeping symbols.
import { createSimEngine } from "../../src/runners/sim/engine.js";
import { createPythonEngine, resolveInterpreter } from "../../src/runners/python/index.js";
import type { CellRun, Engine } from "../../src/runners/types.js";

/** What a cell shows: its output, then the exception's last traceback line if it raised. */
export function shown(run: CellRun): string {
  if (run.status === "exception" && run.exception !== undefined) {
    const lastLine = run.exception.traceback.trimEnd().split("\n").pop() ?? run.exception.type;
    return `${run.output}${lastLine}\n`;
  }
  if (run.status === "unsupported") return `${run.output}<unsupported: ${run.unsupported?.feature}>\n`;
  if (run.status !== "ok") return `${run.output}<${run.status}: ${run.engineMessage}>\n`;
  return run.output;
}

/**
 * Replaces addresses by symbols in order of first appearance, across all cells of a run, so two
 * runs compare equal exactly when their identity structure matches (the same address twice means
 * the same object in both).
 */
export function symbolize(texts: readonly string[]): string[] {
  const symbols = new Map<string, string>();
  const name = (address: bigint): string => {
    const key = address.toString();
    let symbol = symbols.get(key);
    if (symbol === undefined) {
      symbol = `@${symbols.size + 1}`;
      symbols.set(key, symbol);
    }
    return symbol;
  };
  return texts.map((text) =>
    text
      .replace(/0x[0-9a-fA-F]{8,16}\b/g, (match) => name(BigInt(match)))
      .replace(/(?<![\w.])\d{10,20}(?![\w.])/g, (match) => {
        const value = BigInt(match);
        // Decimal ids: pointer-sized values; 4294967295 and small counts stay numbers.
        return value > 2n ** 33n && value % 8n === 0n ? name(value) : match;
      }),
  );
}

export async function runCells(engine: Engine, cells: readonly string[], display: "pretty" | "repr" = "pretty"): Promise<CellRun[]> {
  const session = await engine.open({ lessonPath: "differential.md", display, replay: false });
  try {
    const runs: CellRun[] = [];
    for (const [index, source] of cells.entries()) {
      runs.push(await session.run({ index, source, sourceLine: 1, timeoutMs: 20_000 }));
    }
    return runs;
  } finally {
    await session.close();
  }
}

/** The simulator's outputs for a cell sequence on a profile, symbolized. */
export async function simulate(profile: string, cells: readonly string[], display: "pretty" | "repr" = "pretty"): Promise<string[]> {
  return symbolize((await runCells(createSimEngine(profile), cells, display)).map(shown));
}

const engines = new Map<string, Promise<Engine | null>>();

/** A real interpreter of `version` with the emulated IPython kernel, or null when not installed. */
export function cpythonEngine(version: string): Promise<Engine | null> {
  let engine = engines.get(version);
  if (engine === undefined) {
    engine = resolveInterpreter(version)
      .then(() => createPythonEngine({ python: version, kernel: "emulated" }))
      .catch(() => null);
    engines.set(version, engine);
  }
  return engine;
}

/** The real interpreter's outputs, symbolized; null when the version is not installed. */
export async function cpython(version: string, cells: readonly string[], display: "pretty" | "repr" = "pretty"): Promise<string[] | null> {
  const engine = await cpythonEngine(version);
  if (engine === null) return null;
  return symbolize((await runCells(engine, cells, display)).map(shown));
}
