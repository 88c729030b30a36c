// Code-point counting over UTF-16 strings: Python's len() and slicing count code points.

/** Python's len(text): astral characters (surrogate pairs) count once. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    if (isSurrogatePairAt(text, index)) {
      length--;
      index++;
    }
  }
  return length;
}

/** text[:count] in code points. */
export function truncateCodePoints(text: string, count: number): string {
  if (count >= text.length) return text;
  let units = 0;
  for (let taken = 0; taken < count && units < text.length; taken++) {
    units += isSurrogatePairAt(text, units) ? 2 : 1;
  }
  return text.slice(0, units);
}

/** True when a high surrogate at `index` is followed by a low one: one astral code point. */
export function isSurrogatePairAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * True when `left` ends with a high surrogate and `right` starts with a low one. In text that
 * keeps every lone surrogate apart, each is a lone surrogate: side by side, JS would read the two
 * Python characters as one astral character.
 */
export function joinsSurrogates(left: string, right: string): boolean {
  // A low surrogate first is rare: most calls stop at this test (NaN for '' fails it too).
  const first = right.charCodeAt(0);
  if (!(first >= 0xdc00 && first <= 0xdfff)) return false;
  const last = left.charCodeAt(left.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

/**
 * A kernel's result would put a lone high surrogate before a lone low one (joinsSurrogates):
 * the runtime refuses the operation by name instead of answering with one astral character.
 */
export class JoinedSurrogatesError extends Error {
  override name = "JoinedSurrogatesError";
  constructor(readonly operation: string) {
    super(`${operation} putting a lone high surrogate before a lone low one`);
  }
}
