// Python versions ("3.11", "3.11.7") and version ranges (">=3.8,<3.12", "3.12+", "3.8-3.11").

/** A CPython version; `patch` is absent when only major.minor is known (simulator profiles). */
export interface PythonVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch?: number;
}

const VERSION_PATTERN = /^(\d+)\.(\d+)(?:\.(\d+))?/;

/** Parses "3.11", "3.11.7", "3.13.0rc1" (suffix ignored); undefined when it is not a version. */
export function parseVersion(text: string): PythonVersion | undefined {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const version: PythonVersion = { major: Number(match[1]), minor: Number(match[2]) };
  return match[3] === undefined ? version : { ...version, patch: Number(match[3]) };
}

export function formatVersion(version: PythonVersion): string {
  const base = `${version.major}.${version.minor}`;
  return version.patch === undefined ? base : `${base}.${version.patch}`;
}

/** Orders by major, minor, then patch; a missing patch sorts as 0. */
export function compareVersions(a: PythonVersion, b: PythonVersion): number {
  return a.major - b.major || a.minor - b.minor || (a.patch ?? 0) - (b.patch ?? 0);
}

/** "3.11" for any 3.11.x: the unit in which behaviour differs between interpreters. */
export function minorKey(version: PythonVersion): string {
  return `${version.major}.${version.minor}`;
}

type Comparator = ">=" | "<=" | ">" | "<" | "==" | "!=";

interface Bound {
  readonly comparator: Comparator;
  readonly version: PythonVersion;
}

/** A conjunction of bounds, e.g. `>=3.8,<3.12`. An empty range contains every version. */
export interface VersionRange {
  readonly text: string;
  readonly bounds: readonly Bound[];
}

export class VersionRangeError extends Error {}

/**
 * Parses a range as written in a lesson: comma-separated comparisons (`>=3.8,<3.12`), a bare
 * version (`3.12`: every 3.12.x), `3.12+` (3.12 and later) or `3.8-3.11` (inclusive).
 */
export function parseVersionRange(text: string): VersionRange {
  const bounds: Bound[] = [];
  for (const rawPart of text.split(",")) {
    const part = rawPart.trim();
    if (part === "") continue;
    const span = /^(\d+\.\d+(?:\.\d+)?)\s*(?:-|–|\.\.)\s*(\d+\.\d+(?:\.\d+)?)$/.exec(part);
    if (span) {
      bounds.push({ comparator: ">=", version: mustParse(span[1]!, text) });
      bounds.push(...upperInclusive(mustParse(span[2]!, text)));
      continue;
    }
    const plus = /^(\d+\.\d+(?:\.\d+)?)\+$/.exec(part);
    if (plus) {
      bounds.push({ comparator: ">=", version: mustParse(plus[1]!, text) });
      continue;
    }
    const comparison = /^(>=|<=|==|!=|>|<)?\s*(\d+\.\d+(?:\.\d+)?)$/.exec(part);
    if (!comparison) throw new VersionRangeError(`not a Python version range: "${text}"`);
    const version = mustParse(comparison[2]!, text);
    const comparator = (comparison[1] ?? "==") as Comparator;
    if (comparator === "==" && version.patch === undefined) {
      // "3.12" means every 3.12.x.
      bounds.push({ comparator: ">=", version }, ...upperInclusive(version));
    } else {
      bounds.push({ comparator, version });
    }
  }
  return { text: text.trim(), bounds };
}

function mustParse(text: string, whole: string): PythonVersion {
  const version = parseVersion(text);
  if (!version) throw new VersionRangeError(`not a Python version range: "${whole}"`);
  return version;
}

/** `<= 3.11` written without a patch means "up to every 3.11.x", i.e. `< 3.12`. */
function upperInclusive(version: PythonVersion): Bound[] {
  if (version.patch !== undefined) return [{ comparator: "<=", version }];
  return [{ comparator: "<", version: { major: version.major, minor: version.minor + 1 } }];
}

export function versionInRange(version: PythonVersion, range: VersionRange): boolean {
  return range.bounds.every((bound) => satisfies(version, bound));
}

function satisfies(version: PythonVersion, bound: Bound): boolean {
  // A bound without a patch compares at minor granularity, so 3.12.1 satisfies "<=3.12" and
  // ">3.11" is read as ">=3.12".
  const target = bound.version;
  const order =
    target.patch === undefined
      ? compareVersions({ major: version.major, minor: version.minor }, target)
      : compareVersions(version, target);
  switch (bound.comparator) {
    case ">=":
      return order >= 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case "<":
      return order < 0;
    case "==":
      return order === 0;
    case "!=":
      return order !== 0;
  }
}
