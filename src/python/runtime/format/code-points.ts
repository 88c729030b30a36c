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
