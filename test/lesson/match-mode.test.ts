// match= values: the five simple modes and number(rel=…, abs=…), and their written form.
import { describe, expect, it } from "vitest";
import { formatMatchMode, parseMatchMode } from "../../src/lesson/match-mode.js";

describe("parseMatchMode", () => {
  it("reads the simple modes", () => {
    for (const kind of ["exact", "ellipsis", "regex", "any", "unordered"]) {
      expect(parseMatchMode(kind)).toEqual({ mode: { kind } });
    }
  });

  it("reads number with default and given tolerances", () => {
    expect(parseMatchMode("number")).toEqual({ mode: { kind: "number", rel: 1e-6, abs: 0 } });
    expect(parseMatchMode("number(rel=1e-3,abs=0.5)")).toEqual({ mode: { kind: "number", rel: 1e-3, abs: 0.5 } });
    expect(parseMatchMode("number( abs=2 )")).toEqual({ mode: { kind: "number", rel: 1e-6, abs: 2 } });
  });

  it("explains what is wrong", () => {
    expect(parseMatchMode("fuzzy")).toHaveProperty("error");
    expect(parseMatchMode("number(rel=-1)")).toHaveProperty("error");
    expect(parseMatchMode("number(tol=1)")).toHaveProperty("error");
    expect(parseMatchMode("number(rel=abc)")).toHaveProperty("error");
  });

  it("writes back what it reads", () => {
    for (const text of ["exact", "regex", "number", "number(rel=0.001,abs=0.5)"]) {
      const parsed = parseMatchMode(text);
      if (!("mode" in parsed)) throw new Error(parsed.error);
      expect(formatMatchMode(parsed.mode)).toBe(text);
    }
  });
});
