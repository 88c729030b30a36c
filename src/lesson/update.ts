// `--update`: rewrites the output fences of some cells, keeping every other byte of the file.
import { readFenceAt, type FenceGeometry, type FenceMarker } from "./fence.js";
import { contentLines, fenceLengthFor, formatOption } from "./fence-text.js";
import { LineIndex } from "./line-index.js";
import { formatMatchMode } from "./match-mode.js";
import { OUTPUT_LANGUAGE } from "./parse.js";
import type { CodeCell, ExpectedOutput, Lesson } from "./types.js";

/** One output fence as it should be after the update. */
export interface OutputSpec {
  /** The `python="…"` range text; absent for the default output. */
  readonly range?: string;
  /**
   * The `match=` text for this fence. Absent: a fence of the same range keeps its own
   * `match=`, a new fence gets none.
   */
  readonly match?: string;
  /** The expected output ("\n" or "\r\n" line endings; a final newline is implied). */
  readonly text: string;
}

/**
 * A change to one cell's expected output. `outputs` replaces the cell's whole group of output
 * fences (an empty list, or one default output with empty text, removes it). `fenceIndex`
 * replaces the text of one existing fence of the group and keeps the others.
 */
export type OutputChange =
  | { readonly cellIndex: number; readonly outputs: readonly OutputSpec[] }
  | { readonly cellIndex: number; readonly fenceIndex: number; readonly text: string };

/** Misuse of `rewriteOutputs`: a change names no cell or fence, or touches an unclosed fence. */
export class OutputRewriteError extends Error {}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** The file's conventions, read once: how new fences should look. */
interface FileStyle {
  readonly lineEnding: string;
  /** Fence of the first output in the file, if any: new outputs look like the existing ones. */
  readonly outputMarker?: { readonly marker: FenceMarker; readonly length: number };
  /** Blank lines between a code fence and its first output fence. */
  readonly blankLinesBeforeOutput: number;
}

/**
 * Returns the lesson's source with the given cells' output fences rewritten. Invariant: bytes
 * outside the rewritten output groups are unchanged, and an output fence whose text does not
 * change is kept byte for byte (opening line, options, markers, line endings).
 */
export function rewriteOutputs(lesson: Lesson, changes: readonly OutputChange[]): string {
  const source = lesson.source;
  const lines = new LineIndex(source);
  const style = readFileStyle(lesson, lines);
  const seen = new Set<number>();
  const edits: Edit[] = [];
  for (const change of changes) {
    const cell = lesson.cells[change.cellIndex];
    if (cell === undefined) throw new OutputRewriteError(`no cell ${change.cellIndex} in ${lesson.path}`);
    if (seen.has(change.cellIndex)) throw new OutputRewriteError(`two changes for cell ${change.cellIndex} of ${lesson.path}`);
    seen.add(change.cellIndex);
    edits.push(...editsForCell(lesson, lines, style, cell, toSpecs(cell, change, lesson.path)));
  }
  edits.sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
  return result;
}

/** Expresses a change as the cell's full list of output specs. */
function toSpecs(cell: CodeCell, change: OutputChange, path: string): readonly OutputSpec[] {
  if ("outputs" in change) return change.outputs;
  const target = cell.outputs[change.fenceIndex];
  if (target === undefined) {
    throw new OutputRewriteError(`cell ${cell.index} of ${path} has no output fence ${change.fenceIndex}`);
  }
  return cell.outputs.map((output, index) => ({
    ...(output.range === undefined ? {} : { range: output.range.text }),
    text: index === change.fenceIndex ? change.text : output.text,
  }));
}

function normalizeText(text: string): string {
  const unified = text.replace(/\r\n?/g, "\n");
  return unified === "" || unified.endsWith("\n") ? unified : `${unified}\n`;
}

function sameRange(output: ExpectedOutput, spec: OutputSpec): boolean {
  return (output.range?.text ?? "") === (spec.range?.trim() ?? "");
}

function sameMatch(output: ExpectedOutput, spec: OutputSpec): boolean {
  if (spec.match === undefined) return true;
  return output.match !== undefined && formatMatchMode(output.match) === spec.match.trim();
}

function editsForCell(lesson: Lesson, lines: LineIndex, style: FileStyle, cell: CodeCell, requested: readonly OutputSpec[]): Edit[] {
  const specs = requested.map((spec) => ({ ...spec, text: normalizeText(spec.text) }));
  const printsNothing = specs.length === 0 || (specs.length === 1 && specs[0]!.range === undefined && specs[0]!.text === "");
  const old = cell.outputs;
  const codeFence = mustReadFence(lesson, lines, cell.span.start.offset, cell.span.end.offset, cell.index);
  const oldFences = old.map((output) => mustReadFence(lesson, lines, output.span.start.offset, output.span.end.offset, cell.index));

  if (printsNothing) {
    if (old.length === 0) return [];
    // From the end of the code fence to the end of the last output fence: the output group and
    // the blank lines before it go, whatever follows the group stays.
    return [{ start: cell.span.end.offset, end: old[old.length - 1]!.span.end.offset, replacement: "" }];
  }

  // Fast path: same fences in the same order; rewrite only the texts that changed.
  if (old.length === specs.length && old.every((output, index) => sameRange(output, specs[index]!) && sameMatch(output, specs[index]!))) {
    const edits: Edit[] = [];
    old.forEach((output, index) => {
      const text = specs[index]!.text;
      if (output.text === text) return;
      edits.push(replaceContent(lesson.source, oldFences[index]!, text, lineEndingAfter(lesson.source, output.span.end.offset, style)));
    });
    return edits;
  }

  const lineEnding = lineEndingAfter(lesson.source, cell.span.end.offset, style);
  const prefix = codeFence.closingPrefix;
  const blankLine = prefix.trimEnd() + lineEnding;
  const marker = style.outputMarker ?? { marker: codeFence.marker, length: 3 };
  const fences = specs.map((spec) => {
    const reusable = old.findIndex((output) => sameRange(output, spec) && output.text === spec.text && sameMatch(output, spec));
    if (reusable !== -1) {
      // Unchanged fence: keep its exact text (the group is in one container, so prefixes fit).
      return lesson.source.slice(old[reusable]!.span.start.offset, old[reusable]!.span.end.offset);
    }
    const oldMatch = old.find((output) => sameRange(output, spec) && output.match !== undefined)?.match;
    const match = spec.match ?? (oldMatch === undefined ? undefined : formatMatchMode(oldMatch));
    return buildFence(spec.text, outputInfo(spec.range, match), marker.marker, marker.length, prefix, lineEnding);
  });
  const separator = lineEnding + blankLine.repeat(style.blankLinesBeforeOutput) + prefix;
  const group = fences.join(separator);
  if (old.length === 0) {
    return [{ start: cell.span.end.offset, end: cell.span.end.offset, replacement: separator + group }];
  }
  return [{ start: old[0]!.span.start.offset, end: old[old.length - 1]!.span.end.offset, replacement: group }];
}

function mustReadFence(lesson: Lesson, lines: LineIndex, start: number, end: number, cellIndex: number): FenceGeometry {
  const geometry = readFenceAt(lesson.source, lines, start, end);
  if (geometry === undefined || !geometry.closed) {
    throw new OutputRewriteError(
      `cannot rewrite the outputs of cell ${cellIndex} of ${lesson.path}: a fence at line ${lines.lineOf(start)} is not closed`,
    );
  }
  return geometry;
}

/** Replaces a fence's content; lengthens its markers if a content line could close it. */
function replaceContent(source: string, fence: FenceGeometry, text: string, lineEnding: string): Edit {
  const prefix = fence.closingPrefix;
  const body = contentLines(text)
    .map((line) => prefix + line + lineEnding)
    .join("");
  const needed = fenceLengthFor(text, fence.marker, fence.markerLength);
  if (needed === fence.markerLength) return { start: fence.contentStart, end: fence.contentEnd, replacement: body };
  const markers = fence.marker.repeat(needed);
  // The rest of the opening line (info string, its spacing and line ending) stays as written.
  const opening = markers + source.slice(fence.markerStart + fence.markerLength, fence.contentStart);
  return { start: fence.markerStart, end: fence.end, replacement: opening + body + prefix + markers };
}

/**
 * A whole output fence. The first line carries no prefix: it is inserted after one (or after the
 * separator, which ends with it).
 */
function buildFence(text: string, info: string, marker: FenceMarker, minimumLength: number, prefix: string, lineEnding: string): string {
  const markers = marker.repeat(fenceLengthFor(text, marker, minimumLength));
  const body = contentLines(text)
    .map((line) => prefix + line + lineEnding)
    .join("");
  return markers + info + lineEnding + body + prefix + markers;
}

function outputInfo(range: string | undefined, match: string | undefined): string {
  const options = [OUTPUT_LANGUAGE];
  // Ranges are always quoted, as the lesson format shows them: python=">=3.12".
  if (range !== undefined) options.push(formatOption("python", range.trim(), { quote: true }));
  if (match !== undefined) options.push(formatOption("match", match.trim()));
  return options.join(" ");
}

/** The line ending right after an offset (the end of a fence), else the file's own. */
function lineEndingAfter(source: string, offset: number, style: FileStyle): string {
  if (source.startsWith("\r\n", offset)) return "\r\n";
  if (source[offset] === "\n" || source[offset] === "\r") return source[offset]!;
  return style.lineEnding;
}

function readFileStyle(lesson: Lesson, lines: LineIndex): FileStyle {
  const firstEnding = /\r\n|\n|\r/.exec(lesson.source);
  const lineEnding = firstEnding ? firstEnding[0] : "\n";
  const withOutput = lesson.cells.find((cell) => cell.outputs.length > 0);
  if (withOutput === undefined) return { lineEnding, blankLinesBeforeOutput: 1 };
  const first = withOutput.outputs[0]!;
  const fence = readFenceAt(lesson.source, lines, first.span.start.offset, first.span.end.offset);
  const blankLinesBeforeOutput = Math.max(0, first.span.start.line - withOutput.span.end.line - 1);
  return {
    lineEnding,
    blankLinesBeforeOutput,
    ...(fence === undefined ? {} : { outputMarker: { marker: fence.marker, length: fence.markerLength } }),
  };
}
