// Short texts for sets of Python versions: "3.8–3.11, 3.13" for badges, "3.12+" for drift notes.
import { minorKey, type PythonVersion, type VersionRange } from "../versions/version.js";

/** Unique major.minor versions, oldest first; contiguous minors merge into "3.8–3.11". */
export function mergeVersions(versions: readonly PythonVersion[]): string {
  const minors = new Map<string, PythonVersion>();
  for (const version of versions) minors.set(minorKey(version), { major: version.major, minor: version.minor });
  const sorted = [...minors.values()].sort((a, b) => a.major - b.major || a.minor - b.minor);
  const runs: { first: PythonVersion; last: PythonVersion }[] = [];
  for (const version of sorted) {
    const current = runs[runs.length - 1];
    if (current !== undefined && current.last.major === version.major && current.last.minor + 1 === version.minor) current.last = version;
    else runs.push({ first: version, last: version });
  }
  return runs.map((run) => (run.first === run.last ? minorKey(run.first) : `${minorKey(run.first)}–${minorKey(run.last)}`)).join(", ");
}

/**
 * A lesson's output range as a reader says it: ">=3.12" → "3.12+", ">=3.8,<3.12" → "3.8–3.11",
 * "<3.12" → "up to 3.11". Anything else (patch bounds, exclusions) keeps the author's text.
 */
export function describeRange(range: VersionRange): string {
  const bounds = range.bounds;
  if (bounds.some((bound) => bound.version.patch !== undefined)) return range.text;
  const lower = bounds.filter((bound) => bound.comparator === ">=");
  const upper = bounds.filter((bound) => bound.comparator === "<");
  if (lower.length + upper.length !== bounds.length || lower.length > 1 || upper.length > 1) return range.text;
  const from = lower[0]?.version;
  const below = upper[0]?.version;
  const last = below !== undefined && below.minor > 0 ? { major: below.major, minor: below.minor - 1 } : undefined;
  if (from !== undefined && below === undefined) return `${minorKey(from)}+`;
  if (from === undefined && last !== undefined) return `up to ${minorKey(last)}`;
  if (from !== undefined && last !== undefined && from.major === last.major && from.minor <= last.minor) {
    return from.minor === last.minor ? minorKey(from) : `${minorKey(from)}–${minorKey(last)}`;
  }
  return range.text;
}

