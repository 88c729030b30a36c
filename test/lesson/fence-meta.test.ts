// The fence info tokenizer: language, bare flags, key=value, quotes and parentheses.
import { describe, expect, it } from "vitest";
import { parseFenceInfo } from "../../src/lesson/fence-meta.js";

describe("parseFenceInfo", () => {
  it("splits the language from its options, keeping each option's offset", () => {
    const info = parseFenceInfo("python skip raises=TypeError");
    expect(info.language).toBe("python");
    expect(info.options).toEqual([
      { offset: 7, raw: "skip", key: "skip" },
      { offset: 12, raw: "raises=TypeError", key: "raises", value: "TypeError", valueOffset: 19 },
    ]);
  });

  it("removes quotes and keeps blanks inside quotes and parentheses", () => {
    const info = parseFenceInfo(`output python=">=3.8, <3.12" match=number(rel=1e-3, abs=0) x='a b'`);
    expect(info.options.map((option) => [option.key, option.value])).toEqual([
      ["python", ">=3.8, <3.12"],
      ["match", "number(rel=1e-3, abs=0)"],
      ["x", "a b"],
    ]);
    expect(info.options[0]!.valueOffset).toBe(15);
  });

  it("marks an unclosed quote and runs its value to the end", () => {
    const info = parseFenceInfo(`output python=">=3.8 match=any`);
    expect(info.options).toHaveLength(1);
    expect(info.options[0]).toMatchObject({ key: "python", value: ">=3.8 match=any", unterminatedQuote: true });
  });

  it("gives tokens that are not options no key", () => {
    const info = parseFenceInfo("python {.class} =x 9lives");
    expect(info.options.map((option) => [option.raw, option.key])).toEqual([
      ["{.class}", undefined],
      ["=x", undefined],
      ["9lives", undefined],
    ]);
  });

  it("handles an empty info string", () => {
    expect(parseFenceInfo("")).toEqual({ language: "", options: [] });
  });
});
