// Lone surrogates in the simulator's UTF-16 strs. A Python str may hold a lone high surrogate
// followed by a lone low one: two characters. Held in one JS string they would read as one
// astral character, so every str keeps its lone surrogates apart: the operations that put text
// side by side (literals, +, *, join, formatting, slicing, replace, padding, decoders, translate)
// refuse by name where a lone high surrogate would meet a lone low one. Then each high-low pair
// in a str's text is an astral character, and a search may only match whole ones.
import { Unsupported } from "../errors.js";
import { joinsSurrogates, JoinedSurrogatesError } from "../format/index.js";

export { joinsSurrogates };

/** A high surrogate no low one follows, or a low one no high one precedes: a lone surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` holds a lone surrogate. */
function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** Ends the cell: `operation` would put a lone high surrogate before a lone low one. */
export function refuseJoinedSurrogates(operation: string): never {
  throw new Unsupported(`${operation} putting a lone high surrogate before a lone low one (the simulator's strs are UTF-16)`);
}

/** A formatting kernel's refusal (JoinedSurrogatesError) as the runtime's; other errors pass. */
export function refuseIfJoinedSurrogates(error: unknown): void {
  if (error instanceof JoinedSurrogatesError) refuseJoinedSurrogates(error.operation);
}

/** Appending `next` to `text` by `operation`: refused when a lone high surrogate would meet a low one. */
export function checkSurrogateJoin(text: string, next: string, operation: string): void {
  if (joinsSurrogates(text, next)) refuseJoinedSurrogates(operation);
}

/**
 * `pieces` written one after another, `separator` between each two (str.join): refused when a
 * lone high surrogate ends one non-empty piece and a lone low one starts the next.
 */
export function checkJoinedPieces(pieces: readonly string[], separator: string, operation: string): void {
  let last = "";
  for (let index = 0; index < pieces.length; index++) {
    if (index > 0 && separator.length > 0) {
      if (joinsSurrogates(last, separator)) refuseJoinedSurrogates(operation);
      last = separator;
    }
    const piece = pieces[index]!;
    if (piece.length === 0) continue;
    if (joinsSurrogates(last, piece)) refuseJoinedSurrogates(operation);
    last = piece;
  }
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * True when `needle` found at unit `at` of `text` would be half of an astral character: it
 * starts with a low surrogate right after a high one, or ends with a high one right before a
 * low one. Python sees no match there (the lone surrogate is not in the text).
 */
function splitsPair(text: string, at: number, needle: string): boolean {
  const end = at + needle.length;
  return (isLow(needle.charCodeAt(0)) && isHigh(text.charCodeAt(at - 1))) || (isHigh(needle.charCodeAt(needle.length - 1)) && isLow(text.charCodeAt(end)));
}

/** True when a match of `needle` could be half of an astral character (see splitsPair). */
function mayMatchHalfAPair(needle: string): boolean {
  return isLow(needle.charCodeAt(0)) || isHigh(needle.charCodeAt(needle.length - 1));
}

/** text.indexOf(needle, from), skipping matches that are half of an astral character. */
export function indexOfWhole(text: string, needle: string, from = 0): number {
  let at = text.indexOf(needle, from);
  if (at < 0 || !mayMatchHalfAPair(needle)) return at;
  while (at >= 0 && splitsPair(text, at, needle)) at = text.indexOf(needle, at + 1);
  return at;
}

/** text.lastIndexOf(needle, from), skipping matches that are half of an astral character. */
export function lastIndexOfWhole(text: string, needle: string, from = Infinity): number {
  let at = text.lastIndexOf(needle, from);
  if (at < 0 || !mayMatchHalfAPair(needle)) return at;
  while (at >= 0 && splitsPair(text, at, needle)) at = at === 0 ? -1 : text.lastIndexOf(needle, at - 1);
  return at;
}

/** text.startsWith(needle, at), unless the match would be half of an astral character. */
export function startsWithWhole(text: string, needle: string, at: number): boolean {
  return text.startsWith(needle, at) && !(mayMatchHalfAPair(needle) && splitsPair(text, at, needle));
}

/**
 * Before text goes to sys.stdout or sys.stderr: CPython's UTF-8 stream cannot encode a lone
 * surrogate (the emulated kernel raises UnicodeEncodeError, a real kernel fails elsewhere).
 */
export function refuseLoneSurrogateOutput(text: string, kind: number): void {
  if (kind !== 1 && hasLoneSurrogate(text)) throw new Unsupported("writing a lone surrogate to the output");
}
