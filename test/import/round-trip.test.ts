// Round-trip properties: import → parse keeps every code cell, every source line, every output
// line and every prose line of the input, in order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importNotebook } from "../../src/import/notebook.js";
import { importTextExport } from "../../src/import/text-export.js";
import { parseLesson } from "../../src/lesson/parse.js";

/** Whether `needles` occur in `haystack` in order; `same` decides when two lines match. */
function inOrder(needles: readonly string[], haystack: readonly string[], same: (needle: string, line: string) => boolean): boolean {
  let cursor = 0;
  for (const needle of needles) {
    while (cursor < haystack.length && !same(needle, haystack[cursor]!)) cursor++;
    if (cursor === haystack.length) return false;
    cursor++;
  }
  return true;
}

/** A prose line comes through as it is, except fence lines made `python skip` or `text`. */
function sameProseLine(needle: string, line: string): boolean {
  return line === needle || line === `${needle} skip` || line.replace(/^(\s*(?:>\s*)*[`~]{3,})text/, "$1output") === needle;
}

function trimNewlines(text: string): string {
  return text.replace(/\n+$/, "");
}

const lines = (choices: readonly string[], maxLength: number) => fc.array(fc.constantFrom(...choices), { maxLength });
const codeLines = lines(["x = 1", "print(x)", "", "# comment", "```", "~~~~", "    indented()", "s = 'ünïcödé ✓'", "if x:", "\tpass"], 5);
const textLines = lines(["1", "hello world", "", "```", "[1, 2]", "ünï ✓", "  spaced  ", "<b>"], 4);
const markdownLines = lines(["# Heading", "Some text.", "```python", "y = 2", "```", "- item", "", "> quote", "~~~", "<div>", "| a | b |", "```output"], 6);

const output = fc.oneof(
  fc.record({ output_type: fc.constant("stream"), name: fc.constantFrom("stdout", "stderr"), text: textLines.map((parts) => parts.map((part) => `${part}\n`)) }),
  fc.record({ output_type: fc.constant("execute_result"), execution_count: fc.nat(), metadata: fc.constant({}), data: textLines.map((parts) => ({ "text/plain": parts.join("\n") })) }),
  fc.record({ output_type: fc.constant("display_data"), metadata: fc.constant({}), data: fc.oneof(textLines.map((parts) => ({ "text/plain": parts.join("\n") })), fc.constant({ "image/png": "AA==" })) }),
  fc.record({ output_type: fc.constant("error"), ename: fc.constantFrom("ValueError", "KeyError"), evalue: fc.constantFrom("", "bad value", "'k'"), traceback: fc.constant([]) }),
);

const cell = fc.oneof(
  fc.record({ cell_type: fc.constant("code"), execution_count: fc.option(fc.nat(), { nil: null }), metadata: fc.constant({}), outputs: fc.array(output, { maxLength: 4 }), source: codeLines.map((parts) => parts.join("\n")) }),
  fc.record({ cell_type: fc.constant("markdown"), metadata: fc.constant({}), source: markdownLines.map((parts) => parts.join("\n")) }),
  fc.record({ cell_type: fc.constant("raw"), metadata: fc.constant({}), source: textLines.map((parts) => parts.join("\n")) }),
);

/** The lines a reader saw for one output, as the test understands nbformat (not the importer's code). */
function shownLines(shown: Record<string, unknown>): string[] {
  switch (shown["output_type"]) {
    case "stream":
      return (shown["text"] as string[]).join("").split("\n");
    case "execute_result":
    case "display_data": {
      const data = shown["data"] as Record<string, string>;
      return data["text/plain"] === undefined ? [] : data["text/plain"].split("\n");
    }
    case "error":
      return [shown["evalue"] === "" ? String(shown["ename"]) : `${String(shown["ename"])}: ${String(shown["evalue"])}`];
    default:
      return [];
  }
}

describe("notebook import round trip", () => {
  it("keeps every code cell, source line, output line and prose line, in order", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), (cells) => {
        const result = importNotebook("n.ipynb", JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
        expect(result.readable).toBe(true);
        expect(result.messages.filter((message) => message.severity === "error")).toEqual([]);
        const lesson = parseLesson("n.md", result.markdown);
        const imported = lesson.cells.filter((lessonCell) => !lessonCell.options.skip);
        const codeCells = cells.filter((input) => input.cell_type === "code") as { source: string; outputs: Record<string, unknown>[] }[];
        expect(imported).toHaveLength(codeCells.length);
        codeCells.forEach((input, index) => {
          const lessonCell = imported[index]!;
          expect(trimNewlines(lessonCell.source)).toBe(trimNewlines(input.source));
          const expectedLines = input.outputs.flatMap(shownLines).filter((line) => line !== "");
          const actualLines = (lessonCell.outputs[0]?.text ?? "").split("\n");
          expect(inOrder(expectedLines, actualLines, (a, b) => a === b)).toBe(true);
        });
        const markdownLinesOut = result.markdown.split("\n");
        const proseLines = cells.filter((input) => input.cell_type !== "code").flatMap((input) => input.source.split("\n")).filter((line) => line.trim() !== "");
        expect(inOrder(proseLines, markdownLinesOut, sameProseLine)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// Text exports, written the way the exporter writes them: header, code, blank, output, blanks.
const exportCode = fc.array(fc.constantFrom("x = 1", "print(x)", "def f():", "    return 2", "# note", "", "import math"), { minLength: 1, maxLength: 5 });
const exportOutput = fc.array(fc.constantFrom("1", "Hello", "[1, 2, 3]", "0x7f00aa", "", "done here"), { maxLength: 4 });
const exportProse = fc.array(fc.constantFrom("### A section", "---", "Some **bold** prose.", "```python", "z = 3", "```", "", "A list:", "- point one here"), { minLength: 1, maxLength: 5 });
const exportItem = fc.oneof(
  fc.record({ kind: fc.constant("cell" as const), code: exportCode, output: exportOutput }),
  fc.record({ kind: fc.constant("prose" as const), lines: exportProse }),
);

function writeExport(items: readonly ({ kind: "cell"; code: string[]; output: string[] } | { kind: "prose"; lines: string[] })[]): string {
  let text = "";
  let count = 0;
  for (const item of items) {
    if (item.kind === "prose") {
      text += `${item.lines.join("\n")}\n\n`;
    } else {
      text += `In [${++count}]:\n${item.code.join("\n")}\n\n`;
      if (item.output.some((line) => line !== "")) text += `${item.output.join("\n")}\n\n`;
    }
  }
  return text;
}

describe("text export import round trip", () => {
  it("keeps one cell per header and every line of the export, in order", () => {
    fc.assert(
      fc.property(fc.array(exportItem, { maxLength: 8 }), fc.boolean(), (items, crlf) => {
        const written = writeExport(items);
        const text = crlf ? written.replace(/\n/g, "\r\n") : written;
        const result = importTextExport("e.txt", text);
        expect(result.messages.filter((message) => message.severity === "error")).toEqual([]);
        const lesson = parseLesson("e.md", result.markdown);
        const headers = written.split("\n").filter((line) => /^In \[\d+\]:$/.test(line));
        expect(lesson.cells.filter((lessonCell) => !lessonCell.options.skip)).toHaveLength(headers.length);
        const inputLines = written.split("\n").filter((line) => line.trim() !== "" && !/^In \[\d+\]:$/.test(line));
        expect(inOrder(inputLines, result.markdown.split("\n"), sameProseLine)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("splits unambiguous cells exactly: statements, then values, then a heading", () => {
    const statement = fc.array(fc.constantFrom("x = 1", "import math", "for i in range(2):", "    print(i)", "y = x + 1"), { minLength: 1, maxLength: 4 });
    const values = fc.array(fc.constantFrom("1", "[1, 2, 3]", "0x7f00aa", "'text'", "True"), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(statement, values, fc.boolean()), { minLength: 1, maxLength: 6 }), (cells) => {
        let text = "";
        cells.forEach(([code, output, heading], index) => {
          // A cell shows output only when it prints.
          const source = output.length > 0 ? [...code, "print(x)"] : code;
          text += `In [${index + 1}]:\n${source.join("\n")}\n\n${output.length > 0 ? `${output.join("\n")}\n\n` : ""}`;
          if (heading) text += `### Part ${index + 1}\n---\n\n`;
        });
        const result = importTextExport("e.txt", text);
        expect(result.messages).toEqual([]);
        const lesson = parseLesson("e.md", result.markdown);
        expect(lesson.cells.map((lessonCell) => [lessonCell.source, lessonCell.outputs[0]?.text ?? ""])).toEqual(
          cells.map(([code, output]) => [`${[...code, ...(output.length > 0 ? ["print(x)"] : [])].join("\n")}\n`, output.length > 0 ? `${output.join("\n")}\n` : ""]),
        );
      }),
      { numRuns: 200 },
    );
  });
});
