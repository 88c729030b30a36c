// The JSON error locator agrees with JSON.parse on validity and points at the first bad character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonError } from "../../src/import/json-error-place.js";

describe("findJsonError", () => {
  it("points at the first character that cannot be there", () => {
    expect(findJsonError('{"a": [1,,2]}')).toMatchObject({ offset: 9 });
    expect(findJsonError('{"a" 1}')).toMatchObject({ offset: 5 });
    expect(findJsonError("{'a': 1}")).toMatchObject({ offset: 1 });
    expect(findJsonError('{"a": 1} x')).toMatchObject({ offset: 9 });
    expect(findJsonError('{"a": "b')).toMatchObject({ offset: 8, reason: "unterminated string" });
    expect(findJsonError('{"a": tru}')).toMatchObject({ offset: 6 });
    expect(findJsonError("[01]")).toMatchObject({ offset: 2 });
    expect(findJsonError("")).toMatchObject({ offset: 0 });
  });

  it("accepts exactly what JSON.parse accepts", () => {
    const accepts = (text: string): boolean => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom("", ",", "]", "}", "\"", ":", "x", "\u0001"), (json, position, insert) => {
        const cut = position % (json.length + 1);
        const text = json.slice(0, cut) + insert + json.slice(cut);
        expect(findJsonError(text) === undefined).toBe(accepts(text));
      }),
      { numRuns: 500 },
    );
  });
});
