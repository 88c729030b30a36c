// The shape of a fenced code block in the source text: markers, info string, content, closing line.
import type { Code } from "mdast";
import type { LineIndex } from "./line-index.js";

export type FenceMarker = "`" | "~";

export interface FenceGeometry {
  readonly marker: FenceMarker;
  /** Number of marker characters in the opening fence (3 or more). */
  readonly markerLength: number;
  /** 1-based line of the opening fence. */
  readonly openingLine: number;
  /** Offset of the opening line's first character. */
  readonly openingLineStart: number;
  /** Offset of the first marker character. */
  readonly markerStart: number;
  /** Offset of the info string (language and options) and its text, trailing blanks removed. */
  readonly infoStart: number;
  readonly info: string;
  /** Offset where the content starts: the line after the opening fence (or the text's end). */
  readonly contentStart: number;
  /** Offset where the content ends: the closing line's start, or the block's end if unclosed. */
  readonly contentEnd: number;
  /** Whether a closing fence ends the block (else it ran to the end of its container or file). */
  readonly closed: boolean;
  /** When closed: the closing line's start and the text before its marker ("  ", "> "). */
  readonly closingLineStart: number;
  readonly closingPrefix: string;
  /** Offset just past the block (after the closing marker and its trailing blanks). */
  readonly end: number;
}

const CLOSING_LINE = /^([ \t>]*)(`{3,}|~{3,})[ \t]*$/;

/** Reads a fenced code block's geometry; undefined for indented code, which has no fence. */
export function readFence(source: string, lines: LineIndex, node: Code): FenceGeometry | undefined {
  const markerStart = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (markerStart === undefined || end === undefined) return undefined;
  return readFenceAt(source, lines, markerStart, end);
}

/**
 * Reads the geometry of the fenced block that starts at `markerStart` (its first marker
 * character) and ends at `end` (as remark's positions give them).
 */
export function readFenceAt(source: string, lines: LineIndex, markerStart: number, end: number): FenceGeometry | undefined {
  const first = source[markerStart];
  if (first !== "`" && first !== "~") return undefined;
  const marker: FenceMarker = first;
  let markerEnd = markerStart;
  while (source[markerEnd] === marker) markerEnd++;
  const markerLength = markerEnd - markerStart;

  const openingLine = lines.lineOf(markerStart);
  const openingLineStart = lines.lineStart(openingLine);
  const openingContentEnd = lines.lineContentEnd(openingLine);
  const rawInfo = source.slice(markerEnd, openingContentEnd);
  const leading = rawInfo.length - rawInfo.trimStart().length;
  const info = rawInfo.trim();
  const contentStart = openingLine < lines.lineCount ? lines.lineStart(openingLine + 1) : source.length;

  const lastLine = lines.lineOf(end);
  const lastLineStart = lines.lineStart(lastLine);
  const lastLineText = source.slice(lastLineStart, end);
  const closing = lastLine > openingLine ? CLOSING_LINE.exec(lastLineText) : null;
  const openingPrefix = source.slice(openingLineStart, markerStart);
  const closed =
    closing !== null &&
    closing[2]![0] === marker &&
    closing[2]!.length >= markerLength &&
    indentWidth(closing[1]!) <= indentWidth(openingPrefix) + 3;

  return {
    marker,
    markerLength,
    openingLine,
    openingLineStart,
    markerStart,
    infoStart: markerEnd + leading,
    info,
    contentStart: Math.min(contentStart, closed ? lastLineStart : end),
    contentEnd: closed ? lastLineStart : end,
    closed,
    closingLineStart: closed ? lastLineStart : end,
    closingPrefix: closed ? closing![1]! : "",
    end,
  };
}

/**
 * Width of a line's container prefix, blockquote markers (with their optional space) not
 * counted: a closing fence may be indented at most 3 columns more than the opening one.
 */
function indentWidth(prefix: string): number {
  return prefix.replace(/> ?/g, "").replace(/\t/g, "    ").length;
}
