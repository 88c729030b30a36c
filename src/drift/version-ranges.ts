// Ranges for per-version output fences: contiguous versions that share an output, open-ended at
// both ends so versions nobody ran (older, newer, in between) still find an output.
import { formatVersion, minorKey, type PythonVersion } from "../versions/version.js";

/**
 * `starts` are the first versions of consecutive segments, oldest first (minor versions). The
 * first segment covers everything below the second (`<3.8`), the last everything from its
 * start (`>=3.12`), a middle one its start up to the version before the next segment
 * (`3.8-3.11`, or `3.8` alone). One segment needs no range at all: undefined.
 */
export function segmentRanges(starts: readonly PythonVersion[]): (string | undefined)[] {
  if (starts.length <= 1) return starts.map(() => undefined);
  return starts.map((start, index) => {
    const minor = { major: start.major, minor: start.minor };
    if (index === 0) return `<${minorKey(starts[1]!)}`;
    if (index === starts.length - 1) return `>=${minorKey(minor)}`;
    const next = starts[index + 1]!;
    if (next.major !== start.major || next.minor === 0) return `>=${minorKey(minor)},<${minorKey(next)}`;
    const last = { major: next.major, minor: next.minor - 1 };
    return last.minor === start.minor ? formatVersion(minor) : `${minorKey(minor)}-${minorKey(last)}`;
  });
}
