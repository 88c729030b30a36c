// Safety net for importers: parse the written markdown back and check every cell came through.
import { parseLesson } from "../lesson/parse.js";
import type { LessonMessage } from "../lesson/types.js";
import type { CodeBlock, ImportedBlock } from "./types.js";

/** Trailing newlines are not content: a fence cannot tell "x" from "x\n". */
function canonical(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\n+$/, "");
}

/**
 * Reports an `import-mismatch` error for each code cell whose source or output is not found, in
 * order, among the parsed lesson's cells (prose before it may have swallowed it, e.g. an
 * unclosed HTML block), and when the lesson has more cells than written.
 */
export function verifyImport(
  path: string,
  markdown: string,
  blocks: readonly ImportedBlock[],
  proseCells: number,
): LessonMessage[] {
  const expected = blocks.filter((block): block is CodeBlock => block.kind === "code");
  const lesson = parseLesson(path, markdown);
  const messages: LessonMessage[] = [];
  let cursor = 0;
  for (const block of expected) {
    const source = canonical(block.source);
    const output = canonical(block.output);
    let found = -1;
    for (let index = cursor; index < lesson.cells.length; index++) {
      const cell = lesson.cells[index]!;
      if (canonical(cell.source) === source && canonical(cell.outputs[0]?.text ?? "") === output) {
        found = index;
        break;
      }
    }
    if (found === -1) {
      const label = block.executionCount === undefined ? "a code cell" : `code cell In [${block.executionCount}]`;
      messages.push({
        file: path,
        line: 1,
        column: 1,
        ruleId: "import-mismatch",
        severity: "error",
        reason: `${label} did not come through the conversion intact (the prose before it may swallow it)`,
      });
    } else {
      cursor = found + 1;
    }
  }
  if (messages.length === 0 && lesson.cells.length !== expected.length + proseCells) {
    messages.push({
      file: path,
      line: 1,
      column: 1,
      ruleId: "import-mismatch",
      severity: "error",
      reason: `the written lesson has ${lesson.cells.length} cells, expected ${expected.length} code cells and ${proseCells} from prose`,
    });
  }
  return messages;
}
