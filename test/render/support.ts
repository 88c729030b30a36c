// Shared helpers for the render tests: engines, verdicts and snapshots made by hand.
import type { CellResult, CellStatus } from "../../src/check/types.js";
import type { EngineIdentity, HeapObject, HeapSnapshot } from "../../src/runners/types.js";

export function sim(profile: string): EngineIdentity {
  return { kind: "sim", profile };
}

export function cpython(version: string): EngineIdentity {
  return { kind: "python", executable: `/opt/python/${version}/bin/python3`, version, kernel: "emulated" };
}

export function verdict(index: number, status: CellStatus, message: string | null = null, actual: string | null = "2\n"): CellResult {
  return { index, line: 10 + index, status, expected: "2\n", actual, message };
}

/** An object for a hand-made snapshot; the id is its address. */
export function heapObject(address: number, type: string, summary: string, references: [string, number][] = [], refcount = 1): HeapObject {
  return { id: address, address, type, summary, refcount, references: references.map(([label, object]) => ({ label, object })) };
}

export function snapshot(names: [string, number][], objects: HeapObject[]): HeapSnapshot {
  return { names: names.map(([name, object]) => ({ name, object })), objects };
}
