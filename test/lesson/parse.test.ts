// Unit tests of parseLesson for what fixture files cannot hold well: CRLF, BOM, exact offsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLesson } from "../../src/lesson/parse.js";
import { parseVersion, versionInRange } from "../../src/versions/version.js";

function rules(text: string): string[] {
  return parseLesson("t.md", text).messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`);
}

describe("parseLesson", () => {
  it("reads cells and their outputs with the source text at each span", () => {
    const text = "# T\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n";
    const lesson = parseLesson("t.md", text);
    expect(lesson.cells).toHaveLength(1);
    const cell = lesson.cells[0]!;
    expect(cell.source).toBe("print(1)\n");
    expect(cell.sourceLine).toBe(4);
    expect(text.slice(cell.span.start.offset, cell.span.end.offset)).toBe("```python\nprint(1)\n```");
    const output = cell.outputs[0]!;
    expect(output.text).toBe("1\n");
    expect(text.slice(output.span.start.offset, output.span.end.offset)).toBe("```output\n1\n```");
    expect(text.slice(output.contentSpan.start.offset, output.contentSpan.end.offset)).toBe("1\n");
    expect(output.span.start).toEqual({ line: 7, column: 1, offset: 29 });
  });

  it("normalises CRLF in sources and outputs but keeps offsets into the CRLF text", () => {
    const text = "```python\r\na = 1\r\nprint(a)\r\n```\r\n\r\n```output\r\n1\r\n```\r\n";
    const lesson = parseLesson("t.md", text);
    const cell = lesson.cells[0]!;
    expect(cell.source).toBe("a = 1\nprint(a)\n");
    expect(cell.outputs[0]!.text).toBe("1\n");
    const content = cell.outputs[0]!.contentSpan;
    expect(text.slice(content.start.offset, content.end.offset)).toBe("1\r\n");
    expect(content.start.line).toBe(7);
    expect(lesson.messages).toEqual([]);
  });

  it("keeps offsets exact after a byte order mark", () => {
    const text = "\uFEFF# Title\n\n```python skp\nx\n```\n";
    const lesson = parseLesson("t.md", text);
    expect(lesson.title).toBe("Title");
    const cell = lesson.cells[0]!;
    expect(text.slice(cell.span.start.offset, cell.span.end.offset)).toBe("```python skp\nx\n```");
    expect(lesson.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([[3, 11, "unknown-option"]]);
  });

  it("accepts tilde fences, longer fences and case-insensitive languages", () => {
    const lesson = parseLesson("t.md", "~~~~Python\nx\n~~~~\n\n~~~OUTPUT\n1\n~~~\n");
    expect(lesson.cells).toHaveLength(1);
    expect(lesson.cells[0]!.outputs[0]!.text).toBe("1\n");
  });

  it("does not treat other languages or indented code as cells", () => {
    const lesson = parseLesson("t.md", "```js\nx\n```\n\n    print(1)\n\n```pycon\n>>> 1\n```\n");
    expect(lesson.cells).toEqual([]);
    expect(lesson.messages).toEqual([]);
  });

  it("needs only blank lines between a cell and its outputs: prose makes an orphan", () => {
    expect(rules("```python\nx\n```\n\n\n\n```output\n1\n```\n")).toEqual([]);
    expect(rules("```python\nx\n```\ntext\n\n```output\n1\n```\n")).toEqual(["6:1 orphan-output"]);
    expect(rules("<!-- note -->\n\n```output\n1\n```\n")).toEqual(["3:1 orphan-output"]);
  });

  it("reads per-version outputs as ranges the version module can test", () => {
    const text = '```python\nx\n```\n```output python=">=3.12"\nnew\n```\n```output python=\'3.8-3.11\'\nold\n```\n```output\ndefault\n```\n';
    const lesson = parseLesson("t.md", text);
    const [newer, older, fallback] = lesson.cells[0]!.outputs;
    expect(newer!.range!.text).toBe(">=3.12");
    expect(versionInRange(parseVersion("3.13")!, newer!.range!)).toBe(true);
    expect(versionInRange(parseVersion("3.11.7")!, newer!.range!)).toBe(false);
    expect(versionInRange(parseVersion("3.11.7")!, older!.range!)).toBe(true);
    expect(fallback!.range).toBeUndefined();
    expect(lesson.messages).toEqual([]);
  });

  it("reports every problem of a file, each with its place, not just the first", () => {
    const text = [
      "```python bogus timeout=x",
      "x",
      "```",
      "```output python=nope match=what",
      "1",
      "```",
      "",
      "```python",
      "unclosed",
    ].join("\n");
    expect(rules(text)).toEqual([
      "1:11 unknown-option",
      "1:25 bad-option-value",
      "4:18 bad-version-range",
      "4:29 bad-option-value",
      "8:1 unterminated-fence",
    ]);
  });

  it("reports an unterminated fence once, at its opening line, even when it follows a cell", () => {
    expect(rules("```python\nx\n```\n\n~~~~python\ny\n~~~\n")).toEqual(["5:1 unterminated-fence"]);
    expect(rules("```python\n")).toEqual(["1:1 unterminated-fence"]);
  });

  it("does not report a closing fence with trailing blanks or a longer marker", () => {
    expect(rules("```python\nx\n````   \n")).toEqual([]);
    expect(rules("  ```python\n  x\n ```\n")).toEqual([]);
  });

  it("treats an indented closing line (4+ columns) as content, so the fence is unterminated", () => {
    const lesson = parseLesson("t.md", "```python\nx\n    ```\n");
    expect(lesson.cells[0]!.source).toBe("x\n    ```\n");
    expect(lesson.messages.map((message) => message.ruleId)).toEqual(["unterminated-fence"]);
  });

  it("validates regexes of match=regex outputs line by line, with the cell's or the fence's mode", () => {
    expect(rules("```python match=regex\nx\n```\n```output\n\\d+\n[a-\n```\n")).toEqual(["6:1 bad-regex"]);
    expect(rules("```python\nx\n```\n```output match=regex\n(\n```\n")).toEqual(["5:1 bad-regex"]);
    expect(rules("```python\nx\n```\n```output\n(\n```\n")).toEqual([]);
  });

  it("takes the title from frontmatter, then the first heading, then the file name", () => {
    expect(parseLesson("a/b.md", "---\ntitle: Front\n---\n# Head\n").title).toBe("Front");
    expect(parseLesson("a/b.md", "text\n\n## Head *em*\n").title).toBe("Head em");
    expect(parseLesson("a/lesson-one.md", "text\n").title).toBe("lesson-one");
  });

  it("reads python: 3.10 in frontmatter as written, not as the number 3.1", () => {
    const lesson = parseLesson("t.md", "---\npython: 3.10\n---\n");
    expect(lesson.settings.python!.text).toBe("3.10");
    expect(versionInRange(parseVersion("3.10.4")!, lesson.settings.python!)).toBe(true);
    expect(versionInRange(parseVersion("3.1")!, lesson.settings.python!)).toBe(false);
  });

  it("reports a frontmatter that is not a mapping", () => {
    expect(rules("---\n- a\n- b\n---\n")).toEqual(["2:1 bad-frontmatter"]);
    expect(parseLesson("t.md", "---\n---\n").messages).toEqual([]);
  });

  it("never throws on odd input", () => {
    for (const text of ["", "```", "~~~\n", "---\n", "---\n:\n---\n", "```python {.x} =y a=\"\n```", "> ```output\n"]) {
      expect(() => parseLesson("t.md", text)).not.toThrow();
    }
  });

  it("never throws, and keeps every span inside the text, on random markdown-like input", () => {
    const piece = fc.constantFrom("```", "~~~", "````", "python", "output", " skip", " match=regex", ' python=">=3.12"', " n=1", "---", "\n", "\r\n", "> ", "- ", "  ", "x", "(", "title: t", "\uFEFF", "#", "|a|b|");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        const lesson = parseLesson("t.md", text);
        for (const cell of lesson.cells) {
          for (const span of [cell.span, ...cell.outputs.flatMap((output) => [output.span, output.contentSpan])]) {
            expect(span.start.offset).toBeLessThanOrEqual(span.end.offset);
            expect(span.end.offset).toBeLessThanOrEqual(text.length);
          }
        }
        for (const message of lesson.messages) expect(message.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
