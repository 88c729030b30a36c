// Code-point views of str values and the result constructors CPython's str methods use.
//
// A PyStr holds UTF-16 text; Python indexes code points. Without astral characters (kind < 4)
// both index the same; with them, a view maps code-point offsets to UTF-16 offsets.
import { rt } from "../state.js";
import type { PyObject } from "../object.js";
import { PyStr, newStr, newStrObject } from "./str.js";
import { memoryError, Unsupported } from "../errors.js";

/** The longest str or bytes the simulator builds (its memory cap). */
export const MAX_STR_LENGTH = 200_000_000;

/** Beyond this many characters or bytes, CPython's own allocation fails with MemoryError. */
const UNALLOCATABLE = 2 ** 40;

/**
 * Refuses a result of `length` units: MemoryError where CPython could not allocate it either,
 * unsupported where a real machine might (the simulator does not guess).
 */
export function checkResultSize(length: number | bigint, what: "str" | "bytes"): void {
  const size = Number(length);
  if (size > UNALLOCATABLE) throw memoryError();
  if (size > MAX_STR_LENGTH) throw new Unsupported(`a ${what} of ${size} ${what === "str" ? "characters" : "bytes"} (the simulator's memory cap)`);
}

/** Offsets of a str in code points and UTF-16 units. */
export interface TextView {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** UTF-16 offset of code point `index` (0..length). */
  unitOf(index: number): number;
  /** Code-point offset of UTF-16 offset `unit` (at a code-point boundary). */
  pointOf(unit: number): number;
}

class BmpView implements TextView {
  constructor(readonly text: string) {}
  get length(): number {
    return this.text.length;
  }
  unitOf(index: number): number {
    return index;
  }
  pointOf(unit: number): number {
    return unit;
  }
}

class AstralView implements TextView {
  /** unitOffsets[i]: UTF-16 offset of code point i; one extra entry for the end. */
  private readonly unitOffsets: number[];

  constructor(readonly text: string) {
    const offsets: number[] = [];
    for (let unit = 0; unit < text.length; unit++) {
      offsets.push(unit);
      const code = text.charCodeAt(unit);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(unit + 1);
        if (next >= 0xdc00 && next <= 0xdfff) unit++;
      }
    }
    offsets.push(text.length);
    this.unitOffsets = offsets;
  }

  get length(): number {
    return this.unitOffsets.length - 1;
  }

  unitOf(index: number): number {
    return this.unitOffsets[index]!;
  }

  pointOf(unit: number): number {
    let low = 0;
    let high = this.unitOffsets.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.unitOffsets[middle]! < unit) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function viewOf(str: PyStr): TextView {
  return str.kind === 4 ? new AstralView(str.value) : new BmpView(str.value);
}

export function textView(text: string): TextView {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) return new AstralView(text);
  }
  return new BmpView(text);
}

/** Code points of a JS string (astral characters as one element). */
export function codePointsOf(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        points.push((code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    points.push(code);
  }
  return points;
}

/** A JS string from code points (chunked: String.fromCodePoint takes a bounded argument list). */
export function textOfCodePoints(points: readonly number[]): string {
  let text = "";
  for (let i = 0; i < points.length; i += 8192) text += String.fromCodePoint(...points.slice(i, i + 8192));
  return text;
}

/**
 * unicode_result_unchanged: the str itself when it is exactly a str, else a new exact-str copy
 * (never a singleton, except '' which CPython never allocates twice). New reference.
 */
export function unchangedStr(self: PyObject): PyStr {
  const str = self as PyStr;
  if (str.type === rt.types.str) {
    str.refcount++;
    return str;
  }
  return freshStr(str.value);
}

/**
 * What PyUnicode_New-built results are: a new object even for one Latin-1 character ('' is
 * still the empty singleton). Case mappings, padding, replace and join build this way.
 */
export function freshStr(text: string): PyStr {
  return text.length === 0 ? newStr("") : newStrObject(text);
}

/** Substrings, decoded text and writer results: '' and one Latin-1 character are singletons. */
export const canonicalStr = newStr;

/** The text of a str argument or null when `value` is not a str. */
export function strValue(value: PyObject | undefined): string | null {
  return value instanceof PyStr ? value.value : null;
}
