// Literal values: numbers, and string/bytes bodies with escape sequences decoded the way
// CPython's string parser does, including its error and warning wording.
import type { ConstantValue } from "../ast/nodes.js";
import { UNICODE_NAMES } from "./unicode-names.js";

/** The value of a NUMBER token's text. */
export function numberValue(text: string): ConstantValue {
  const digits = text.includes("_") ? text.replace(/_/g, "") : text;
  const last = digits.charCodeAt(digits.length - 1);
  if (last === 106 || last === 74) return { kind: "complex", imag: Number(digits.slice(0, -1)) };
  if (digits.length > 1 && digits[0] === "0") {
    const base = digits[1]!.toLowerCase();
    if (base === "x" || base === "o" || base === "b") return { kind: "int", value: BigInt(`0${base}${digits.slice(2)}`) };
  }
  if (/[.eE]/.test(digits)) return { kind: "float", value: Number(digits) };
  return { kind: "int", value: BigInt(digits) };
}

/** Prefix letters and body of a STRING token (or of an f-string's start token). */
export interface StringParts {
  readonly bytes: boolean;
  readonly raw: boolean;
  /** The literal started with a lower-case `u` (CPython then sets Constant.kind to "u"). */
  readonly unicodePrefix: boolean;
  readonly fstring: boolean;
  readonly quoteSize: number;
  /** Source text between the quotes. */
  readonly body: string;
}

export function splitStringToken(text: string): StringParts {
  let index = 0;
  let bytes = false;
  let raw = false;
  let fstring = false;
  for (; index < text.length; index++) {
    const char = text[index]!;
    if (char === "b" || char === "B") bytes = true;
    else if (char === "r" || char === "R") raw = true;
    else if (char === "f" || char === "F") fstring = true;
    else if (char !== "u" && char !== "U") break;
  }
  const quote = text[index]!;
  const quoteSize = text.startsWith(quote.repeat(3), index) && text.length - index >= 6 ? 3 : 1;
  return {
    bytes,
    raw,
    unicodePrefix: text[0] === "u",
    fstring,
    quoteSize,
    body: text.slice(index + quoteSize, text.length - quoteSize),
  };
}

/** A message as a catalogue code and its arguments (see parser/messages.ts). */
export interface MessageRef {
  readonly code: string;
  readonly args: (string | number)[];
}

/** What decoding found besides the value. */
export interface DecodeProblems {
  /** The first invalid escape: a SyntaxWarning (3.12+) or DeprecationWarning. */
  invalidEscape?: MessageRef;
  /** A decoding error, raised as a SyntaxError. */
  error?: MessageRef;
  /** A \N{...} name missing from our table: we cannot know whether CPython knows it. */
  unsupportedName?: string;
  /** An escape wrote a low surrogate right after a lone high one: two characters to Python, one to JS. */
  joinedSurrogates?: boolean;
}

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ["\\", "\\"],
  ["'", "'"],
  ['"', '"'],
  ["b", "\b"],
  ["f", "\f"],
  ["t", "\t"],
  ["n", "\n"],
  ["r", "\r"],
  ["v", "\v"],
  ["a", "\x07"],
]);

function isHex(char: string | undefined): boolean {
  return char !== undefined && /^[0-9a-fA-F]$/.test(char);
}

function isOctal(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "7";
}

/**
 * Length of `body[from..]` in CPython's intermediate buffer, where every non-ASCII character
 * became a 10-character `\UXXXXXXXX` escape and a backslash before one became `\u005c`:
 * positions in "can't decode bytes in position a-b" messages count in that buffer.
 */
function bufferLength(body: string, from: number): number {
  let length = 0;
  for (let index = from; index < body.length; index++) {
    const code = body.codePointAt(index)!;
    if (code >= 0x10000) index++;
    if (code === 92) {
      const next = body.codePointAt(index + 1);
      length += next === undefined || next >= 128 ? 6 : 1;
    } else length += code < 128 ? 1 : 10;
  }
  return length;
}

/**
 * Decodes a str literal body (not raw) as CPython's _PyPegen_decode_string does. Octal escapes
 * above \377 are only warned about from 3.11 (`warnOctal`).
 */
/** True when `right` starts with a low surrogate that `left`'s last code unit, a high one, would pair with. */
export function joinsSurrogates(left: string, right: string): boolean {
  if (left.length === 0 || right.length === 0) return false;
  const last = left.charCodeAt(left.length - 1);
  const first = right.charCodeAt(0);
  return last >= 0xd800 && last <= 0xdbff && first >= 0xdc00 && first <= 0xdfff;
}

/** `out` followed by the code point an escape wrote, noting a lone high surrogate meeting a low one. */
function appendEscaped(out: string, value: number, problems: DecodeProblems): string {
  const text = String.fromCodePoint(value);
  if (joinsSurrogates(out, text)) problems.joinedSurrogates = true;
  return out + text;
}

export function decodeString(body: string, raw: boolean, problems: DecodeProblems, warnOctal = true): string {
  if (raw || body.indexOf("\\") < 0) return body;
  let out = "";
  let index = 0;
  let position = 0; // in CPython's intermediate buffer
  const fail = (start: number, end: number, reason: string): string => {
    problems.error = { code: "unicode-escape-error", args: [start, end - 1, reason] };
    return out;
  };
  while (index < body.length) {
    const code = body.codePointAt(index)!;
    if (code !== 92) {
      const width = code >= 0x10000 ? 2 : 1;
      out += body.slice(index, index + width);
      index += width;
      position += code < 128 ? 1 : 10;
      continue;
    }
    const escapeStart = position;
    index++;
    position++;
    const nextCode = body.codePointAt(index);
    if (nextCode === undefined || nextCode >= 128) {
      // CPython turns this backslash into an escaped backslash: no warning.
      out += "\\";
      position += 5;
      continue;
    }
    const char = body[index]!;
    index++;
    position++;
    if (char === "\n") continue;
    const simple = SIMPLE_ESCAPES.get(char);
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    if (isOctal(char)) {
      let digits = char;
      if (isOctal(body[index])) {
        digits += body[index++];
        position++;
        if (isOctal(body[index])) {
          digits += body[index++];
          position++;
        }
      }
      const value = parseInt(digits, 8);
      if (warnOctal && value > 0o377 && problems.invalidEscape === undefined) problems.invalidEscape = { code: "invalid-octal-escape", args: [digits] };
      out = appendEscaped(out, value, problems);
      continue;
    }
    if (char === "x" || char === "u" || char === "U") {
      const count = char === "x" ? 2 : char === "u" ? 4 : 8;
      const reason = `truncated-${char}`;
      let value = 0;
      for (let digit = 0; digit < count; digit++) {
        if (index >= body.length) return fail(escapeStart, position + bufferLength(body, index), reason);
        if (!isHex(body[index])) return fail(escapeStart, position, reason);
        value = value * 16 + parseInt(body[index]!, 16);
        index++;
        position++;
      }
      if (value > 0x10ffff) return fail(escapeStart, position, "illegal-unicode");
      out = appendEscaped(out, value, problems);
      continue;
    }
    if (char === "N") {
      const malformed = "malformed-N";
      if (index >= body.length) return fail(escapeStart, position, malformed);
      if (body[index] !== "{") return fail(escapeStart, position, malformed);
      const close = body.indexOf("}", index + 1);
      if (close < 0) return fail(escapeStart, position + bufferLength(body, index), malformed);
      const name = body.slice(index + 1, close);
      if (name.length === 0) return fail(escapeStart, position + 1, malformed);
      position += bufferLength(body.slice(index, close + 1), 0);
      index = close + 1;
      const codePoint = UNICODE_NAMES.get(name.toUpperCase());
      if (codePoint === undefined) {
        problems.unsupportedName = name;
        return out;
      }
      out += String.fromCodePoint(codePoint);
      continue;
    }
    if (problems.invalidEscape === undefined) problems.invalidEscape = { code: "invalid-escape", args: [char] };
    out += "\\" + char;
  }
  return out;
}

/** Decodes a bytes literal body as CPython's _PyBytes_DecodeEscape does. */
export function decodeBytes(body: string, raw: boolean, problems: DecodeProblems, warnOctal = true): Uint8Array {
  const out: number[] = [];
  if (raw || body.indexOf("\\") < 0) {
    for (let index = 0; index < body.length; index++) out.push(body.charCodeAt(index));
    return Uint8Array.from(out);
  }
  let index = 0;
  while (index < body.length) {
    const char = body[index]!;
    if (char !== "\\") {
      out.push(char.charCodeAt(0));
      index++;
      continue;
    }
    const escapeStart = index;
    index++;
    if (index >= body.length) {
      problems.error = { code: "bytes-trailing-backslash", args: [] };
      break;
    }
    const next = body[index]!;
    index++;
    if (next === "\n") continue;
    const simple = SIMPLE_ESCAPES.get(next);
    if (simple !== undefined) {
      out.push(simple.charCodeAt(0));
      continue;
    }
    if (isOctal(next)) {
      let digits = next;
      if (isOctal(body[index])) {
        digits += body[index++];
        if (isOctal(body[index])) digits += body[index++];
      }
      const value = parseInt(digits, 8);
      if (warnOctal && value > 0o377 && problems.invalidEscape === undefined) problems.invalidEscape = { code: "invalid-octal-escape", args: [digits] };
      out.push(value & 0xff);
      continue;
    }
    if (next === "x") {
      if (isHex(body[index]) && isHex(body[index + 1])) {
        out.push(parseInt(body.slice(index, index + 2), 16));
        index += 2;
        continue;
      }
      problems.error = { code: "bytes-invalid-x-escape", args: [escapeStart] };
      break;
    }
    if (problems.invalidEscape === undefined) problems.invalidEscape = { code: "invalid-escape", args: [next] };
    out.push(92, next.charCodeAt(0));
  }
  return Uint8Array.from(out);
}
