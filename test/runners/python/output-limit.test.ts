// Output caps keep the head of a cell's output on a character boundary and count what was cut.
import { describe, expect, it } from "vitest";
import { CappedBytes, capText, truncationNote, withTruncationNote } from "../../../src/runners/python/output-limit.js";

describe("capText", () => {
  it("keeps text within the limit unchanged", () => {
    expect(capText("héllo", 6)).toEqual({ text: "héllo", cutBytes: 0 });
  });

  it("never splits a multi-byte character", () => {
    // "aé中😀" is 1 + 2 + 3 + 4 bytes.
    expect(capText("aé中😀", 2)).toEqual({ text: "a", cutBytes: 9 });
    expect(capText("aé中😀", 5)).toEqual({ text: "aé", cutBytes: 7 });
    expect(capText("aé中😀", 6)).toEqual({ text: "aé中", cutBytes: 4 });
    expect(capText("aé中😀", 9)).toEqual({ text: "aé中", cutBytes: 4 });
  });
});

describe("CappedBytes", () => {
  it("keeps the first bytes and counts the rest", () => {
    const capped = new CappedBytes(10);
    capped.add(Buffer.from("12345678"));
    capped.add(Buffer.from("abcdef"));
    capped.add(Buffer.from("xyz"));
    expect(capped.text()).toBe("12345678ab");
    expect(capped.cutBytes).toBe(7);
  });
});

describe("withTruncationNote", () => {
  it("adds the note on its own line only when something was cut", () => {
    expect(withTruncationNote("kept\n", 0)).toBe("kept\n");
    expect(withTruncationNote("kept", 12)).toBe(`kept\n${truncationNote(12)}`);
    expect(truncationNote(12)).toBe("[lessonkit: output truncated, 12 more bytes not shown]\n");
  });
});
