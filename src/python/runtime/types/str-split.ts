// split, rsplit and splitlines as CPython's stringlib/split.h computes them, for str and bytes.
//
// Whitespace, line breaks and separators never start inside a surrogate pair, so these run on
// UTF-16 offsets (bytes run as Latin-1 text). A null piece stands for the object itself: CPython
// puts the very object in the list when nothing was split off (and it is exactly a str/bytes).
import { unicodeDatabase } from "./str-unicode.js";
import { indexOfWhole, lastIndexOfWhole } from "./str-surrogates.js";
import { rt } from "../state.js";

export type Piece = string | null;

/** Which code units count as whitespace (str: Unicode's; bytes: ASCII's six). */
export type SpaceTest = (code: number) => boolean;

export function strSpace(): SpaceTest {
  const db = unicodeDatabase(rt.profile.minor);
  return (code) => db.isSpace(code);
}

export function strLineBreak(): SpaceTest {
  const db = unicodeDatabase(rt.profile.minor);
  return (code) => db.isLineBreak(code);
}

/** maxsplit < 0: no limit. */
function limitOf(maxsplit: number): number {
  return maxsplit < 0 ? Number.MAX_SAFE_INTEGER : maxsplit;
}

/** split_whitespace. */
export function splitWhitespace(text: string, maxsplit: number, space: SpaceTest = strSpace()): Piece[] {
  const isSpace = (value: string, index: number): boolean => space(value.charCodeAt(index));
  const pieces: Piece[] = [];
  const length = text.length;
  let remaining = limitOf(maxsplit);
  let i = 0;
  while (remaining-- > 0) {
    while (i < length && isSpace(text, i)) i++;
    if (i === length) break;
    const start = i;
    i++;
    while (i < length && !isSpace(text, i)) i++;
    if (start === 0 && i === length) {
      pieces.push(null);
      return pieces;
    }
    pieces.push(text.slice(start, i));
  }
  if (i < length) {
    while (i < length && isSpace(text, i)) i++;
    if (i !== length) pieces.push(text.slice(i));
  }
  return pieces;
}

/** rsplit_whitespace (pieces returned in text order). */
export function rsplitWhitespace(text: string, maxsplit: number, space: SpaceTest = strSpace()): Piece[] {
  const isSpace = (value: string, index: number): boolean => space(value.charCodeAt(index));
  const pieces: Piece[] = [];
  const length = text.length;
  let remaining = limitOf(maxsplit);
  let i = length - 1;
  while (remaining-- > 0) {
    while (i >= 0 && isSpace(text, i)) i--;
    if (i < 0) break;
    const end = i;
    i--;
    while (i >= 0 && !isSpace(text, i)) i--;
    if (end === length - 1 && i < 0) {
      pieces.push(null);
      return pieces.reverse();
    }
    pieces.push(text.slice(i + 1, end + 1));
  }
  if (i >= 0) {
    while (i >= 0 && isSpace(text, i)) i--;
    if (i >= 0) pieces.push(text.slice(0, i + 1));
  }
  return pieces.reverse();
}

/** split with a separator (non-empty). */
export function splitSeparator(text: string, separator: string, maxsplit: number): Piece[] {
  const pieces: Piece[] = [];
  let remaining = limitOf(maxsplit);
  let i = 0;
  while (remaining-- > 0) {
    const at = indexOfWhole(text, separator, i);
    if (at < 0) break;
    pieces.push(text.slice(i, at));
    i = at + separator.length;
  }
  pieces.push(pieces.length === 0 ? null : text.slice(i));
  return pieces;
}

/** rsplit with a separator (non-empty; pieces returned in text order). */
export function rsplitSeparator(text: string, separator: string, maxsplit: number): Piece[] {
  const pieces: Piece[] = [];
  let remaining = limitOf(maxsplit);
  let i = text.length;
  while (remaining-- > 0) {
    if (i < separator.length) break;
    const at = lastIndexOfWhole(text, separator, i - separator.length);
    if (at < 0) break;
    pieces.push(text.slice(at + separator.length, i));
    i = at;
  }
  pieces.push(pieces.length === 0 ? null : text.slice(0, i));
  return pieces.reverse();
}

/** splitlines: \r\n is one break; `keepends` keeps the breaks. */
export function splitLines(text: string, keepends: boolean, lineBreak: SpaceTest = strLineBreak()): Piece[] {
  const pieces: Piece[] = [];
  const length = text.length;
  let i = 0;
  let start = 0;
  while (i < length) {
    while (i < length && !lineBreak(text.charCodeAt(i))) i++;
    let lineEnd = i;
    if (i < length) {
      if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      if (keepends) lineEnd = i;
    }
    if (start === 0 && lineEnd === length) {
      pieces.push(null);
      return pieces;
    }
    pieces.push(text.slice(start, lineEnd));
    start = i;
  }
  return pieces;
}
