// Lone surrogates in the simulator's UTF-16 strs. A Python str may hold a lone high surrogate
// followed by a lone low one: two characters. Held in one JS string they would read as one
// astral character, so every way such a pair could form is refused instead of answered wrongly.
import { rt } from "../state.js";
import { Unsupported } from "../errors.js";
import type { PyObject } from "../object.js";
import { PyInt } from "./int.js";

/** A high surrogate no low one follows, or a low one no high one precedes: a lone surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A high surrogate followed by a low one: one astral character to JS. */
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

/** Set while the session makes strs of text from outside Python code (a cell's source). */
let takingOutsideText = false;

/**
 * Makes strs of text that no Python operation put together (a cell's source for In[]): their
 * surrogate pairs are astral characters, never joined lone surrogates, so nothing is refused.
 */
export function fromOutsideText<T>(make: () => T): T {
  takingOutsideText = true;
  try {
    return make();
  } finally {
    takingOutsideText = false;
  }
}

/** True when `text` (of a str whose kind is not 1) holds a lone surrogate. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * Called for each new str object of kind 2 or 4: counts those holding lone surrogates while
 * they live, and refuses a str with a surrogate pair made while any such str lives, since the
 * pair may be two lone surrogates the operation put side by side. Returns whether `text` holds one.
 */
export function noteNewStrText(text: string, kind: number): boolean {
  if (kind === 4 && rt.liveLoneSurrogateStrs > 0 && !takingOutsideText) refuseJoinedSurrogates();
  if (!hasLoneSurrogate(text)) return false;
  rt.liveLoneSurrogateStrs++;
  return true;
}

export function refuseJoinedSurrogates(): never {
  throw new Unsupported("a str with lone surrogates and a surrogate pair or astral character (the simulator's strs are UTF-16)");
}

/** Appending `next` to `text`: refused when a lone high surrogate would meet a low one. */
export function checkSurrogateJoin(text: string, next: string): void {
  if (text.length === 0 || next.length === 0) return;
  const last = text.charCodeAt(text.length - 1);
  const first = next.charCodeAt(0);
  if (last >= 0xd800 && last <= 0xdbff && first >= 0xdc00 && first <= 0xdfff) refuseJoinedSurrogates();
}

/** True when `text` holds a surrogate pair (or an astral character). */
export function hasSurrogatePair(text: string): boolean {
  return SURROGATE_PAIR.test(text);
}

/**
 * Before text goes to sys.stdout or sys.stderr: CPython's UTF-8 stream cannot encode a lone
 * surrogate (the emulated kernel raises UnicodeEncodeError, a real kernel fails elsewhere).
 */
export function refuseLoneSurrogateOutput(text: string, kind: number): void {
  if (kind !== 1 && hasLoneSurrogate(text)) throw new Unsupported("writing a lone surrogate to the output");
}

/** True for an int object whose value is a surrogate code point (what %c or {:c} would write). */
export function isSurrogateCodeInt(value: PyObject): boolean {
  if (!(value instanceof PyInt)) return false;
  const code = value.value;
  return typeof code === "number" && code >= 0xd800 && code <= 0xdfff;
}

/**
 * A formatting result that holds a surrogate pair while some argument was a surrogate code
 * point: the pair may be two characters %c or {:c} wrote side by side.
 */
export function checkFormattedSurrogates(text: string, args: Iterable<PyObject>): void {
  if (!hasSurrogatePair(text)) return;
  for (const arg of args) if (isSurrogateCodeInt(arg)) refuseJoinedSurrogates();
}
