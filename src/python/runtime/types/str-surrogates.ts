// Lone surrogates in the simulator's UTF-16 strs. A Python str may hold a lone high surrogate
// followed by a lone low one: two characters. Held in one JS string they would read as one
// astral character, so the ways such a pair forms from code points (escapes in literals,
// decoders, %c, {:c}, translate) are refused instead of answered wrongly. Joining two lone
// surrogate strs at run time (+, join, slicing...) is not caught yet.
import { Unsupported } from "../errors.js";
import type { PyObject } from "../object.js";
import { PyInt } from "./int.js";

/** A high surrogate no low one follows, or a low one no high one precedes: a lone surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` holds a lone surrogate. */
function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** A high surrogate followed by a low one: one astral character to JS. */
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

export function refuseJoinedSurrogates(): never {
  throw new Unsupported("a lone high surrogate put before a lone low one (the simulator's strs are UTF-16)");
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
