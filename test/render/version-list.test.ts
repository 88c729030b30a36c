// Version texts on pages: merged version lists for badges and reader-friendly drift-note ranges.
import { describe, expect, it } from "vitest";
import { describeRange, mergeVersions } from "../../src/render/version-list.js";
import { parseVersion, parseVersionRange, type PythonVersion } from "../../src/versions/version.js";

const versions = (...texts: string[]): PythonVersion[] => texts.map((text) => parseVersion(text)!);

describe("mergeVersions", () => {
  it("merges contiguous minor versions into one span", () => {
    expect(mergeVersions(versions("3.8", "3.9", "3.10", "3.11", "3.12", "3.13"))).toBe("3.8–3.13");
  });

  it("keeps gaps as separate entries and sorts numerically, not as text", () => {
    expect(mergeVersions(versions("3.13", "3.8", "3.10", "3.9", "3.12"))).toBe("3.8–3.10, 3.12–3.13");
  });

  it("counts two patch releases of one minor once", () => {
    expect(mergeVersions(versions("3.11.7", "3.11.9", "3.12.1"))).toBe("3.11–3.12");
  });

  it("writes a lone version without a span", () => {
    expect(mergeVersions(versions("3.13"))).toBe("3.13");
  });
});

describe("describeRange", () => {
  it.each([
    [">=3.12", "3.12+"],
    ["3.12+", "3.12+"],
    ["3.8-3.11", "3.8–3.11"],
    [">=3.12,<3.14", "3.12–3.13"],
    ["<3.12", "up to 3.11"],
    ["3.12", "3.12"],
  ])("says %s as %s", (written, said) => {
    expect(describeRange(parseVersionRange(written))).toBe(said);
  });

  it("keeps the author's text for ranges it cannot say more simply", () => {
    expect(describeRange(parseVersionRange(">=3.8,!=3.10"))).toBe(">=3.8,!=3.10");
    expect(describeRange(parseVersionRange(">=3.11.4"))).toBe(">=3.11.4");
  });
});
