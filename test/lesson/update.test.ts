// --update rewriting: only the affected output fences change; every other byte stays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../../src/lesson/parse.js";
import { OutputRewriteError, rewriteOutputs, type OutputChange } from "../../src/lesson/update.js";
import type { Lesson } from "../../src/lesson/types.js";

function rewrite(text: string, changes: readonly OutputChange[]): string {
  return rewriteOutputs(parseLesson("t.md", text), changes);
}

describe("rewriteOutputs", () => {
  it("replaces the content of an existing output fence and nothing else", () => {
    const text = "# T\n\n```python\nprint(2)\n```\n\n~~~output   \n1\n~~~\n\ntail\n";
    expect(rewrite(text, [{ cellIndex: 0, outputs: [{ text: "2\n" }] }])).toBe("# T\n\n```python\nprint(2)\n```\n\n~~~output   \n2\n~~~\n\ntail\n");
  });

  it("returns the same text when nothing changes", () => {
    const text = "```python\nx\n```\n\n```output python='>=3.12'  match=any\n1\n```\n```output\n2\n```\n";
    const lesson = parseLesson("t.md", text);
    const same = lesson.cells.map((cell) => ({
      cellIndex: cell.index,
      outputs: cell.outputs.map((output) => ({ ...(output.range ? { range: output.range.text } : {}), text: output.text })),
    }));
    expect(rewriteOutputs(lesson, same)).toBe(text);
  });

  it("inserts an output fence after a cell that had none, in the file's fence style and line ending", () => {
    const text = "~~~python\r\na\r\n~~~\r\n\r\n~~~output\r\n1\r\n~~~\r\n\r\n```python\r\nb\r\n```\r\nafter\r\n";
    const result = rewrite(text, [{ cellIndex: 1, outputs: [{ text: "x\ny\n" }] }]);
    expect(result).toBe("~~~python\r\na\r\n~~~\r\n\r\n~~~output\r\n1\r\n~~~\r\n\r\n```python\r\nb\r\n```\r\n\r\n~~~output\r\nx\r\ny\r\n~~~\r\nafter\r\n");
  });

  it("follows the file's habit of no blank line between code and output", () => {
    const text = "```python\na\n```\n```output\n1\n```\n\n```python\nb\n```\n";
    expect(rewrite(text, [{ cellIndex: 1, outputs: [{ text: "2" }] }])).toBe(
      "```python\na\n```\n```output\n1\n```\n\n```python\nb\n```\n```output\n2\n```\n",
    );
  });

  it("inserts at the end of a file without a final newline", () => {
    expect(rewrite("```python\nb\n```", [{ cellIndex: 0, outputs: [{ text: "2\n" }] }])).toBe("```python\nb\n```\n\n```output\n2\n```");
  });

  it("removes the output group when the cell now prints nothing", () => {
    const text = "```python\nx = 1\n```\n\n```output python=\">=3.12\"\n1\n```\n\n```output\n2\n```\n\nnext paragraph\n";
    expect(rewrite(text, [{ cellIndex: 0, outputs: [] }])).toBe("```python\nx = 1\n```\n\nnext paragraph\n");
    expect(rewrite(text, [{ cellIndex: 0, outputs: [{ text: "" }] }])).toBe("```python\nx = 1\n```\n\nnext paragraph\n");
  });

  it("picks a longer fence when the new output contains the fence marker", () => {
    const text = "```python\nprint('```')\n```\n\n```output\nold\n```\n";
    const result = rewrite(text, [{ cellIndex: 0, outputs: [{ text: "```\n" }] }]);
    expect(result).toBe("```python\nprint('```')\n```\n\n````output\n```\n````\n");
    expect(parseLesson("t.md", result).cells[0]!.outputs[0]!.text).toBe("```\n");
    const tilde = "~~~python\nx\n~~~\n\n~~~output\nold\n~~~\n";
    expect(rewrite(tilde, [{ cellIndex: 0, outputs: [{ text: "~~~~~\n" }] }])).toBe("~~~python\nx\n~~~\n\n~~~~~~output\n~~~~~\n~~~~~~\n");
  });

  it("writes per-version fences and keeps unchanged ones byte for byte", () => {
    const text = "```python\nx\n```\n\n```output  python='<3.12'   match=any\n26983\n```\n\n```output\n7\n```\n";
    const result = rewrite(text, [
      { cellIndex: 0, outputs: [{ range: "<3.12", text: "26983\n" }, { range: ">=3.12", text: "4294967295\n" }, { text: "8\n" }] },
    ]);
    expect(result).toBe(
      "```python\nx\n```\n\n```output  python='<3.12'   match=any\n26983\n```\n\n```output python=\">=3.12\"\n4294967295\n```\n\n```output\n8\n```\n",
    );
    const outputs = parseLesson("t.md", result).cells[0]!.outputs;
    expect(outputs.map((output) => [output.range?.text, output.match?.kind, output.text])).toEqual([
      ["<3.12", "any", "26983\n"],
      [">=3.12", undefined, "4294967295\n"],
      [undefined, undefined, "8\n"],
    ]);
  });

  it("keeps a fence's match= when its range is rewritten with new text", () => {
    const text = "```python\nx\n```\n\n```output python=3.8-3.11 match=regex\n\\d+\n```\n";
    const result = rewrite(text, [{ cellIndex: 0, outputs: [{ range: ">=3.12", text: "1\n" }, { range: "3.8-3.11", text: "\\d{2,}\n" }] }]);
    const outputs = parseLesson("t.md", result).cells[0]!.outputs;
    expect(outputs.map((output) => [output.range?.text, output.match?.kind])).toEqual([
      [">=3.12", undefined],
      ["3.8-3.11", "regex"],
    ]);
  });

  it("replaces one fence of a group by index", () => {
    const text = "```python\nx\n```\n```output python=\">=3.12\"\na\n```\n```output\nb\n```\n";
    expect(rewrite(text, [{ cellIndex: 0, fenceIndex: 1, text: "c\n" }])).toBe("```python\nx\n```\n```output python=\">=3.12\"\na\n```\n```output\nc\n```\n");
  });

  it("writes inside list items and block quotes so the fence stays with its cell", () => {
    const list = "1. step\n\n   ```python\n   x\n   ```\n\n2. next\n";
    const inList = rewrite(list, [{ cellIndex: 0, outputs: [{ text: "1\n2\n" }] }]);
    expect(inList).toBe("1. step\n\n   ```python\n   x\n   ```\n\n   ```output\n   1\n   2\n   ```\n\n2. next\n");
    expect(parseLesson("t.md", inList).cells[0]!.outputs[0]!.text).toBe("1\n2\n");
    const quote = "> ```python\n> x\n> ```\n\nafter\n";
    const inQuote = rewrite(quote, [{ cellIndex: 0, outputs: [{ text: "1\n" }] }]);
    expect(inQuote).toBe("> ```python\n> x\n> ```\n>\n> ```output\n> 1\n> ```\n\nafter\n");
    expect(parseLesson("t.md", inQuote).cells[0]!.outputs[0]!.text).toBe("1\n");
  });

  it("refuses changes that name no cell or fence, twice the same cell, or an unclosed fence", () => {
    const text = "```python\nx\n```\n";
    expect(() => rewrite(text, [{ cellIndex: 3, outputs: [] }])).toThrow(OutputRewriteError);
    expect(() => rewrite(text, [{ cellIndex: 0, fenceIndex: 0, text: "" }])).toThrow(OutputRewriteError);
    expect(() => rewrite(text, [{ cellIndex: 0, outputs: [] }, { cellIndex: 0, outputs: [] }])).toThrow(OutputRewriteError);
    expect(() => rewrite("```python\nx\n", [{ cellIndex: 0, outputs: [{ text: "1" }] }])).toThrow(OutputRewriteError);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: random lessons, random changes.

const outputLine = fc.constantFrom("1", "hello world", "```", "~~~~", "````", "  indented", "", "a ``` b", "<b>", "# hash", "...", "ünï ✓", "\t tab");
const outputText = fc.array(outputLine, { maxLength: 4 }).map((lines) => lines.map((line) => `${line}\n`).join(""));
const sourceText = fc.array(fc.constantFrom("x = 1", "print(x)", "for i in range(2):", "    print(i)", "# comment"), { minLength: 1, maxLength: 3 });
const range = fc.constantFrom(">=3.12", "<3.12", "3.8-3.11", "3.13");

interface CellSpec {
  readonly source: readonly string[];
  readonly outputs: readonly { readonly range?: string; readonly text: string }[];
  readonly marker: string;
  readonly blankLines: number;
}

const cellSpec: fc.Arbitrary<CellSpec> = fc.record({
  source: sourceText,
  outputs: fc.oneof(
    fc.constant([]),
    outputText.filter((text) => text.trim() !== "").map((text) => [{ text }]),
    fc.tuple(range, outputText.filter((text) => text.trim() !== ""), outputText.filter((text) => text.trim() !== "")).map(([versions, first, second]) => [{ range: versions, text: first }, { text: second }]),
  ),
  marker: fc.constantFrom("```", "~~~", "````"),
  blankLines: fc.integer({ min: 0, max: 2 }),
});

function writeLesson(cells: readonly CellSpec[], prose: readonly string[], lineEnding: string): string {
  const lines: string[] = ["---", "title: Generated", "---", ""];
  cells.forEach((cell, index) => {
    lines.push(prose[index % prose.length]!, "");
    lines.push(`${cell.marker}python`, ...cell.source, cell.marker);
    for (const output of cell.outputs) {
      for (let blank = 0; blank < cell.blankLines; blank++) lines.push("");
      const marker = "`".repeat(Math.max(3, longestRun(output.text) + 1));
      lines.push(`${marker}output${output.range ? ` python="${output.range}"` : ""}`);
      lines.push(...output.text.split("\n").slice(0, -1), marker);
    }
    lines.push("");
  });
  return lines.join(lineEnding);
}

function longestRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/^\s*(`+)/gm)].map((match) => match[1]!.length));
}

/** A cell's output group region: from the end of its code fence to the end of its last output. */
function groupRegion(lesson: Lesson, cellIndex: number): [number, number] {
  const cell = lesson.cells[cellIndex]!;
  const last = cell.outputs[cell.outputs.length - 1];
  return [cell.span.end.offset, last ? last.span.end.offset : cell.span.end.offset];
}

function cutRegions(text: string, regions: readonly [number, number][]): string[] {
  const pieces: string[] = [];
  let cursor = 0;
  for (const [start, end] of [...regions].sort((a, b) => a[0] - b[0])) {
    pieces.push(text.slice(cursor, start));
    cursor = end;
  }
  pieces.push(text.slice(cursor));
  return pieces;
}

/** What the parser reads back from a fence written with this text. */
function readBack(text: string): string {
  const unified = text.replace(/\r\n?/g, "\n");
  const withNewline = unified === "" || unified.endsWith("\n") ? unified : `${unified}\n`;
  return withNewline === "\n" ? "" : withNewline;
}

describe("rewriteOutputs properties", () => {
  const lessonArbitrary = fc.record({
    cells: fc.array(cellSpec, { minLength: 1, maxLength: 6 }),
    prose: fc.array(fc.constantFrom("Some prose.", "## A heading", "- a list item", "Text with `code` and **bold**."), { minLength: 1, maxLength: 3 }),
    lineEnding: fc.constantFrom("\n", "\r\n"),
  });

  it("keeps every byte outside the rewritten groups and writes what was asked", () => {
    fc.assert(
      fc.property(lessonArbitrary, fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant([]), fc.array(fc.record({ range: fc.option(range, { nil: undefined }), text: outputText }), { maxLength: 3 })))), (spec, rawChanges) => {
        const text = writeLesson(spec.cells, spec.prose, spec.lineEnding);
        const lesson = parseLesson("t.md", text);
        expect(lesson.messages).toEqual([]);
        expect(lesson.cells).toHaveLength(spec.cells.length);
        const changes = new Map<number, { range?: string; text: string }[]>();
        for (const [cellNumber, outputs] of rawChanges) {
          // At most one default output per cell, as a valid lesson has.
          const cleaned = outputs.filter((output, index) => output.range !== undefined || index === outputs.length - 1);
          changes.set(cellNumber % spec.cells.length, cleaned.map((output) => (output.range === undefined ? { text: output.text } : output)));
        }
        const changeList = [...changes].map(([cellIndex, outputs]) => ({ cellIndex, outputs }));
        const result = rewriteOutputs(lesson, changeList);
        const reparsed = parseLesson("t.md", result);
        expect(reparsed.messages).toEqual([]);
        expect(reparsed.cells.map((cell) => cell.source)).toEqual(lesson.cells.map((cell) => cell.source));

        for (const cell of reparsed.cells) {
          const asked = changes.get(cell.index);
          const printsNothing = asked !== undefined && (asked.length === 0 || (asked.length === 1 && asked[0]!.range === undefined && asked[0]!.text === ""));
          const expected = asked === undefined ? lesson.cells[cell.index]!.outputs.map((output) => [output.range?.text, output.text]) : printsNothing ? [] : asked.map((output) => [output.range, readBack(output.text)]);
          expect(cell.outputs.map((output) => [output.range?.text, output.text])).toEqual(expected);
        }
        const changed = [...changes.keys()];
        expect(cutRegions(result, changed.map((index) => groupRegion(reparsed, index)))).toEqual(cutRegions(text, changed.map((index) => groupRegion(lesson, index))));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves unchanged fences byte-identical when another fence of the same cell changes", () => {
    fc.assert(
      fc.property(lessonArbitrary, fc.nat(), outputText, (spec, pick, newText) => {
        const text = writeLesson(spec.cells, spec.prose, spec.lineEnding);
        const lesson = parseLesson("t.md", text);
        const cell = lesson.cells[pick % lesson.cells.length]!;
        fc.pre(cell.outputs.length === 2);
        const result = rewriteOutputs(lesson, [{ cellIndex: cell.index, fenceIndex: 1, text: newText }]);
        const first = cell.outputs[0]!;
        // Everything up to the end of the untouched first fence is the same text.
        expect(result.slice(0, first.span.end.offset)).toBe(text.slice(0, first.span.end.offset));
        const reparsed = parseLesson("t.md", result).cells[cell.index]!;
        expect(reparsed.outputs[1]!.text).toBe(readBack(newText));
      }),
      { numRuns: 200 },
    );
  });
});
