// The matrix's columns: one per engine, named by the version it behaves as.
import { engineVersion } from "../check/engine-label.js";
import type { Engine } from "../runners/types.js";
import { minorKey } from "../versions/version.js";
import type { DriftColumn } from "./types.js";

/**
 * Real interpreters are named by their minor version ("3.12"), or by their full version when
 * two of one minor ran ("3.11.2", "3.11.7"); simulator profiles are "sim 3.12". Real
 * interpreters run every lesson twice (flaky cells), the deterministic simulator once.
 */
export function columnsFor(engines: readonly Engine[]): DriftColumn[] {
  const minorCounts = new Map<string, number>();
  for (const engine of engines) {
    if (engine.identity.kind !== "python") continue;
    const minor = minorKey(engineVersion(engine.identity)!);
    minorCounts.set(minor, (minorCounts.get(minor) ?? 0) + 1);
  }
  return engines.map((engine): DriftColumn => {
    const identity = engine.identity;
    const version = engineVersion(identity) ?? { major: 0, minor: 0 };
    const minor = minorKey(version);
    if (identity.kind === "sim") return { label: `sim ${identity.profile}`, identity, kind: "sim", version, minor, runs: 1 };
    const label = (minorCounts.get(minor) ?? 0) > 1 ? identity.version : minor;
    return { label, identity, kind: "python", version, minor, runs: 2 };
  });
}
