// importTextExport: splitting `In [N]:` blocks into code, output and prose, and the judge hook.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SplitCandidate, SplitContext } from "../../src/import/split.js";
import { importTextExport } from "../../src/import/text-export.js";
import { parseLesson } from "../../src/lesson/parse.js";

const basicPath = fileURLToPath(new URL("../fixtures/import/export-basic.txt", import.meta.url));
const basic = readFileSync(basicPath, "utf8");

function lessonOf(text: string) {
  const result = importTextExport("e.txt", text);
  return { result, lesson: parseLesson("e.md", result.markdown) };
}

describe("importTextExport", () => {
  it("reads code, output and prose of the basic export", () => {
    const { lesson } = lessonOf(basic);
    expect(lesson.title).toBe("Tuples and identity");
    const cells = lesson.cells.filter((cell) => !cell.options.skip);
    expect(cells.map((cell) => cell.executionCount)).toEqual([1, 2, 3, 4, undefined, 5, 6, 7]);
    expect(cells[0]!.outputs[0]!.text).toBe("True\n");
    // A comment, blank lines and two functions: all code, no output.
    expect(cells[1]!.source).toBe("# helper functions\n\ndef show(x):\n    print(repr(x))\n\ndef twice(x):\n    return x * 2\n");
    expect(cells[1]!.outputs).toEqual([]);
    expect(cells[4]!.source).toBe("");
    expect(cells[5]!.outputs[0]!.text).toBe("first\n\nafter a blank line\n");
    expect(cells[6]!.options.raises).toBe("TypeError");
    expect(cells[6]!.outputs[0]!.text.split("\n").at(-2)).toBe("TypeError: twice() missing 1 required positional argument: 'x'");
    expect(cells[7]!.outputs[0]!.text).toBe("ünïcödé ✓\n");
  });

  it("keeps prose, with its python fences made skip, between the right cells", () => {
    const { result, lesson } = lessonOf(basic);
    expect(lesson.cells[0]!.options.skip).toBe(true);
    expect(result.markdown).toContain("Two names can share **one object**:\n```python skip\nt = (1, 2)\n```\nand `id()` shows it.");
    const heading = result.markdown.indexOf("### Errors are outputs too");
    expect(heading).toBeGreaterThan(result.markdown.indexOf("after a blank line"));
    expect(heading).toBeLessThan(result.markdown.indexOf("twice()\n```"));
    expect(result.markdown.trimEnd().endsWith("A closing paragraph with a [link](https://example.org).")).toBe(true);
  });

  it("reads a CRLF export exactly as the LF one", () => {
    const crlf = importTextExport("e.txt", basic.replace(/\n/g, "\r\n"));
    expect(crlf.markdown).toBe(importTextExport("e.txt", basic).markdown);
    expect(crlf.markdown).not.toContain("\r");
  });

  it("reads prose after code that cannot print as prose", () => {
    const { result, lesson } = lessonOf("In [1]:\nx = 5\n\nThis could be output or prose.\n");
    expect(result.messages).toEqual([]);
    expect(lesson.cells[0]!.outputs).toEqual([]);
    expect(result.markdown.trimEnd().endsWith("```\n\nThis could be output or prose.")).toBe(true);
  });

  it("warns with the header's line when it cannot decide, and still keeps every line", () => {
    // Silent code then a bare name: the name is output (but the code prints nothing) or code.
    const text = "Intro.\n\nIn [1]:\nvalue = 3\n\nvalue2\n";
    const { result, lesson } = lessonOf(text);
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([["ambiguous-split", 3]]);
    expect(result.markdown).toContain("value2");
    expect(lesson.cells).toHaveLength(1);
  });

  it("hands every reading to an injected judge and follows its choice", () => {
    const seen: { candidates: readonly SplitCandidate[]; context: SplitContext }[] = [];
    const text = "In [1]:\na = 1\n\nIn [2]:\nb = 2\n\nb\n\n2\n";
    const result = importTextExport("e.txt", text, {
      judge: (candidates, context) => {
        seen.push({ candidates, context });
        // Pretend the simulator ran each split: `b` is code, `2` is what it printed.
        if (context.executionCount === 1) return candidates.findIndex((candidate) => candidate.code === "a = 1\n");
        return candidates.findIndex((candidate) => candidate.code === "b = 2\n\nb\n" && candidate.output === "2\n");
      },
    });
    // A block of one paragraph has two readings (code, or an empty cell and prose).
    expect(seen.map((call) => call.candidates.length)).toEqual([2, 7]);
    expect(seen[1]!.context).toMatchObject({ headerLine: 4, executionCount: 2, previousCells: [{ source: "a = 1\n", output: "" }] });
    expect(seen[1]!.candidates.map((candidate) => [candidate.code, candidate.output, candidate.prose])).toContainEqual(["b = 2\n", "b\n\n2\n", ""]);
    const lesson = parseLesson("e.md", result.markdown);
    expect(lesson.cells[1]!.source).toBe("b = 2\n\nb\n");
    expect(lesson.cells[1]!.outputs[0]!.text).toBe("2\n");
    expect(result.messages).toEqual([]);
  });

  it("falls back to the default reading, with a warning, when the injected judge declines", () => {
    const result = importTextExport("e.txt", "In [3]:\nx = 1\n\n1\n", { judge: () => undefined });
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([["ambiguous-split", 1]]);
    expect(parseLesson("e.md", result.markdown).cells[0]!.outputs[0]!.text).toBe("1\n");
  });

  it("takes code written on the header line, and a byte order mark", () => {
    const { lesson } = lessonOf("\uFEFFIn [1]: print(1)\n\n1\n");
    expect(lesson.cells[0]!.source).toBe("print(1)\n");
    expect(lesson.cells[0]!.outputs[0]!.text).toBe("1\n");
  });

  it("turns an export without headers into prose only, titled by its file name", () => {
    const { lesson, result } = lessonOf("Just some text.\n");
    expect(lesson.cells).toEqual([]);
    expect(lesson.title).toBe("e");
    expect(result.markdown).toContain("Just some text.");
  });
});
