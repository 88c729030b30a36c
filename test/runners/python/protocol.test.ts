// Lines from the driver's reply channel: events are recognised, anything else is not one.
import { describe, expect, it } from "vitest";
import { parseDriverLine, runCommand } from "../../../src/runners/python/protocol.js";

describe("parseDriverLine", () => {
  it("recognises driver events", () => {
    expect(parseDriverLine('{"event":"output","id":3,"text":"hi\\n"}')).toEqual({ event: "output", id: 3, text: "hi\n" });
  });

  it("refuses lines that are not events", () => {
    expect(parseDriverLine("hello from sitecustomize")).toBeUndefined();
    expect(parseDriverLine('{"event":"unknown"}')).toBeUndefined();
    expect(parseDriverLine('{"id":1}')).toBeUndefined();
    expect(parseDriverLine("{not json")).toBeUndefined();
  });
});

describe("runCommand", () => {
  it("is one JSON line, whatever the source contains", () => {
    const line = runCommand(7, "print('a\\nb')\n# \u2028 line separator\n");
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ op: "run", id: 7, source: "print('a\\nb')\n# \u2028 line separator\n" });
  });
});
