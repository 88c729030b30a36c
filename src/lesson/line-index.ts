// Maps 0-based offsets of a text to 1-based line/column positions (computed once per text).
import type { Position, Span } from "./types.js";

/**
 * Line starts of a text. Line endings are "\n", "\r\n" or a lone "\r", as in CommonMark, so
 * lines and columns agree with remark's positions.
 */
export class LineIndex {
  /** lineStarts[i] is the offset where line i + 1 begins; always starts with 0. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 10) {
        this.lineStarts.push(offset + 1);
      } else if (code === 13) {
        if (text.charCodeAt(offset + 1) === 10) offset++;
        this.lineStarts.push(offset + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of a 1-based line (clamped to the text). */
  lineStart(line: number): number {
    const clamped = Math.min(Math.max(line, 1), this.lineStarts.length);
    return this.lineStarts[clamped - 1]!;
  }

  /** Offset just past the last character of a line, before its line ending. */
  lineContentEnd(line: number): number {
    const start = this.lineStart(line);
    let end = line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a line without its line ending. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  /** 1-based line containing an offset (an offset at a line start belongs to that line). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  position(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const line = this.lineOf(clamped);
    return { line, column: clamped - this.lineStarts[line - 1]! + 1, offset: clamped };
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }
}
