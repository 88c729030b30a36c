// importNotebook: every nbformat 4 output type, prose safety, and unreadable input.
import { describe, expect, it } from "vitest";
import { importNotebook } from "../../src/import/notebook.js";
import { parseLesson } from "../../src/lesson/parse.js";

interface CellInput {
  readonly cell_type: string;
  readonly source: string | string[];
  readonly [key: string]: unknown;
}

function notebook(cells: CellInput[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells, ...extra }, null, 1);
}

function code(source: string | string[], outputs: unknown[] = [], executionCount: number | null = 1): CellInput {
  return { cell_type: "code", execution_count: executionCount, metadata: {}, outputs, source };
}

function importCells(cells: CellInput[]) {
  const result = importNotebook("n.ipynb", notebook(cells));
  return { result, lesson: parseLesson("n.md", result.markdown) };
}

describe("importNotebook", () => {
  it("writes outputs in the order the notebook showed them: stdout, stderr, the value", () => {
    const { lesson, result } = importCells([
      code(["print(1)\n", "[2]"], [
        { output_type: "stream", name: "stdout", text: ["1\n"] },
        { output_type: "stream", name: "stderr", text: "warning!\n" },
        { output_type: "execute_result", execution_count: 1, data: { "text/plain": ["[2]"] }, metadata: {} },
        { output_type: "display_data", data: { "text/plain": "shown", "text/html": "<b>shown</b>" }, metadata: {} },
      ]),
    ]);
    expect(result.messages).toEqual([]);
    expect(lesson.cells[0]!.source).toBe("print(1)\n[2]\n");
    expect(lesson.cells[0]!.executionCount).toBe(1);
    expect(lesson.cells[0]!.outputs.map((output) => output.text)).toEqual(["1\nwarning!\n[2]\nshown\n"]);
  });

  it("records an error as its last traceback line, without terminal colours, and marks raises=", () => {
    const { lesson } = importCells([
      code("int('x')", [
        {
          output_type: "error",
          ename: "ValueError",
          evalue: "invalid literal for int() with base 10: 'x'",
          traceback: ["\u001b[0;31mValueError\u001b[0m   Traceback", "\u001b[0;31mValueError\u001b[0m: invalid literal for int() with base 10: 'x'"],
        },
      ]),
    ]);
    const cell = lesson.cells[0]!;
    expect(cell.options.raises).toBe("ValueError");
    expect(cell.outputs[0]!.text).toBe("ValueError: invalid literal for int() with base 10: 'x'\n");
  });

  it("falls back to the last traceback line when ename is missing, and to the name alone for an empty message", () => {
    const { lesson } = importCells([
      code("a", [{ output_type: "error", traceback: ["x", "\u001b[1mKeyError\u001b[0m: 'k'"] }]),
      code("b", [{ output_type: "error", ename: "StopIteration", evalue: "", traceback: [] }]),
    ]);
    expect(lesson.cells[0]!.outputs[0]!.text).toBe("KeyError: 'k'\n");
    expect(lesson.cells[1]!.outputs[0]!.text).toBe("StopIteration\n");
  });

  it("keeps a visible note and a message for an output without text/plain", () => {
    const { result, lesson } = importCells([code("plot()", [{ output_type: "display_data", data: { "image/png": "AAAA" }, metadata: {} }])]);
    expect(result.markdown).toContain("> Output not imported: a display_data output with only image/png (no text/plain form).");
    expect(result.messages.map((message) => message.ruleId)).toEqual(["output-not-text"]);
    expect(lesson.cells[0]!.outputs).toEqual([]);
  });

  it("keeps empty code cells and cells never run", () => {
    const { lesson } = importCells([code([], [], null), code("", [], null), code("x = 1", [], 3)]);
    expect(lesson.cells.map((cell) => [cell.source, cell.executionCount])).toEqual([
      ["", undefined],
      ["", undefined],
      ["x = 1\n", 3],
    ]);
  });

  it("keeps markdown verbatim, turning its python fences into skipped cells", () => {
    const { lesson, result } = importCells([
      { cell_type: "markdown", metadata: {}, source: ["# Title *here*\n", "\n", "```python\n", "import this\n", "```"] },
      code("print('run')", [{ output_type: "stream", name: "stdout", text: "run\n" }]),
    ]);
    expect(lesson.title).toBe("Title here");
    expect(result.markdown).toContain("# Title *here*\n\n```python skip\nimport this\n```\n");
    expect(lesson.cells.map((cell) => [cell.source, cell.options.skip])).toEqual([
      ["import this\n", true],
      ["print('run')\n", false],
    ]);
  });

  it("closes a fence left open in markdown so the next cells are not swallowed", () => {
    const { lesson, result } = importCells([
      { cell_type: "markdown", metadata: {}, source: "> ~~~~text\n> open" },
      code("print(1)", [{ output_type: "stream", name: "stdout", text: "1\n" }]),
    ]);
    expect(result.messages.map((message) => message.ruleId)).toEqual(["unclosed-prose-fence"]);
    expect(lesson.cells).toHaveLength(1);
    expect(lesson.messages).toEqual([]);
  });

  it("reports cells that did not come through, e.g. swallowed by an unclosed <pre> block", () => {
    const { result } = importCells([
      { cell_type: "markdown", metadata: {}, source: "<pre>\nnever closed" },
      code("print(1)", [{ output_type: "stream", name: "stdout", text: "1\n" }], 4),
    ]);
    expect(result.messages.map((message) => [message.ruleId, message.severity, message.reason])).toEqual([
      ["import-mismatch", "error", "code cell In [4] did not come through the conversion intact (the prose before it may swallow it)"],
    ]);
  });

  it("keeps raw cells in a fence nobody runs", () => {
    const { lesson, result } = importCells([{ cell_type: "raw", metadata: { raw_mimetype: "text/latex" }, source: "\\section{A}" }]);
    expect(result.markdown).toContain('```raw format=text/latex\n\\section{A}\n```');
    expect(lesson.cells).toEqual([]);
  });

  it("normalises CRLF inside sources and reads a byte order mark", () => {
    const text = `\uFEFF${notebook([code("a = 1\r\nprint(a)\r\n", [{ output_type: "stream", name: "stdout", text: "1\r\n" }])])}`;
    const result = importNotebook("n.ipynb", text);
    const lesson = parseLesson("n.md", result.markdown);
    expect(lesson.cells[0]!.source).toBe("a = 1\nprint(a)\n");
    expect(lesson.cells[0]!.outputs[0]!.text).toBe("1\n");
  });

  it("gives the line of the cell in the JSON for cell problems", () => {
    const text = notebook([code("a"), code("b", [{ output_type: "mystery" }])]);
    const result = importNotebook("n.ipynb", text);
    const line = text.split("\n").findIndex((row, index, rows) => row.includes('"cell_type"') && rows.slice(0, index).join("\n").includes('"cell_type"')) + 1;
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([["unknown-output", line]]);
  });

  it("refuses what is not a notebook, saying where", () => {
    const broken = importNotebook("n.ipynb", '{\n  "nbformat": 4,\n  "cells": [,]\n}');
    expect(broken.readable).toBe(false);
    expect(broken.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([["invalid-json", 3, 13]]);
    const truncated = importNotebook("n.ipynb", '{"nbformat": 4');
    expect(truncated.messages[0]).toMatchObject({ ruleId: "invalid-json", line: 1, column: 15 });
    const old = importNotebook("n.ipynb", JSON.stringify({ nbformat: 3, worksheets: [] }));
    expect(old).toMatchObject({ readable: false, messages: [{ ruleId: "unsupported-notebook" }] });
    expect(old.messages[0]!.reason).toContain("nbformat 3");
    expect(importNotebook("n.ipynb", "[1, 2]").messages[0]!.ruleId).toBe("unsupported-notebook");
    expect(importNotebook("n.ipynb", '{"nbformat": 4}').messages[0]!.ruleId).toBe("bad-notebook");
  });
});
