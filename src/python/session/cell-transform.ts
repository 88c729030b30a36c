// IPython's clean-up of a cell before it is parsed, and the file name it compiles the cell under.
import { createHash } from "node:crypto";

const INDENT = /^[ \t]+/;
const CLASSIC_PROMPT = /^(>>>|\.\.\.)( |$)/;
const CLASSIC_FIRST_PROMPT = /^>>>( |$)/;
const IPYTHON_PROMPT = /^(((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?)/;

export interface TransformedCell {
  /** What IPython parses: a final newline, no leading blank lines, no common indent or prompts. */
  readonly text: string;
  /** Blank lines dropped from the top (line numbers of the parsed text start after them). */
  readonly droppedLines: number;
}

/** IPython's cell transforms (leading blank lines, indentation, pasted `>>> `/`In [1]: ` prompts). */
export function transformCell(source: string): TransformedCell {
  const cell = source.endsWith("\n") ? source : source + "\n";
  let lines = cell.split(/(?<=\n)/);
  let droppedLines = 0;
  const firstText = lines.findIndex((line) => line.trim().length > 0);
  if (firstText > 0) {
    droppedLines = firstText;
    lines = lines.slice(firstText);
  }
  const indent = lines.length > 0 ? INDENT.exec(lines[0]!) : null;
  if (indent !== null) {
    const space = indent[0];
    lines = lines.map((line) => (line.startsWith(space) ? line.slice(space.length) : line));
  }
  for (const [prompt, firstPrompt] of [
    [CLASSIC_PROMPT, CLASSIC_FIRST_PROMPT],
    [IPYTHON_PROMPT, IPYTHON_PROMPT],
  ] as const) {
    if (lines.length > 0 && (firstPrompt.test(lines[0]!) || (lines.length > 1 && prompt.test(lines[1]!)))) {
      lines = lines.map((line) => line.replace(prompt, ""));
    }
  }
  return { text: lines.join(""), droppedLines };
}

/** IPython's code_name: `<ipython-input-N-HASH>`, HASH the first 12 hex digits of the cell's SHA-1. */
export function ipythonCellFilename(executionCount: number, transformedText: string): string {
  const digest = createHash("sha1").update(transformedText, "utf8").digest("hex");
  return `<ipython-input-${executionCount}-${digest.slice(0, 12)}>`;
}
