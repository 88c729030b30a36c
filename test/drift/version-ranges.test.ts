// Ranges of per-version output fences: contiguous, open-ended at both ends, parseable.
import { describe, expect, it } from "vitest";
import { segmentRanges } from "../../src/drift/version-ranges.js";
import { parseVersion, parseVersionRange, versionInRange } from "../../src/versions/version.js";

const v = (text: string) => parseVersion(text)!;

describe("segmentRanges", () => {
  it("needs no range for a single segment", () => {
    expect(segmentRanges([v("3.6")])).toEqual([undefined]);
  });

  it("opens the first and last segments and writes middle ones inclusively", () => {
    expect(segmentRanges([v("3.6"), v("3.8"), v("3.12")])).toEqual(["<3.8", "3.8-3.11", ">=3.12"]);
    expect(segmentRanges([v("3.6"), v("3.8"), v("3.9"), v("3.11")])).toEqual(["<3.8", "3.8", "3.9-3.10", ">=3.11"]);
  });

  it("gives every version from 3.0 to 3.20 exactly one range, the one of its segment", () => {
    const starts = [v("3.6"), v("3.8"), v("3.11"), v("3.12")];
    const ranges = segmentRanges(starts).map((text) => parseVersionRange(text!));
    for (let minor = 0; minor <= 20; minor += 1) {
      const version = { major: 3, minor };
      const containing = ranges.map((range, index) => (versionInRange(version, range) ? index : -1)).filter((index) => index !== -1);
      expect(containing).toHaveLength(1);
      const expected = minor < 8 ? 0 : minor < 11 ? 1 : minor < 12 ? 2 : 3;
      expect(containing[0]).toBe(expected);
    }
  });
});
