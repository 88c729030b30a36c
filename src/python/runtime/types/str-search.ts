// Searching inside str: find/rfind/count/startswith/endswith/replace with CPython's index rules.
//
// Start and end are code-point indices adjusted as CPython's ADJUST_INDICES does; the search
// itself runs on the UTF-16 text of the region and its result is mapped back to code points.
import { adjustIndices } from "./str-arguments.js";
import type { TextView } from "./str-text.js";
import { codePointsOf } from "./str-text.js";
import { checkSurrogateJoin, indexOfWhole, lastIndexOfWhole, startsWithWhole } from "./str-surrogates.js";

/** any_find_slice: the code-point index of `needle` in text[start:end], or -1. */
export function findText(view: TextView, needle: TextView, start: number | undefined, end: number | undefined, reverse: boolean): number {
  const [first, last] = adjustIndices(start, end, view.length);
  if (last - first < needle.length) return -1;
  const from = view.unitOf(first);
  const region = view.text.slice(from, view.unitOf(last));
  const at = reverse ? lastIndexOfWhole(region, needle.text) : indexOfWhole(region, needle.text);
  return at < 0 ? -1 : view.pointOf(from + at);
}

/** Non-overlapping occurrences of `needle` in text[start:end]; '' occurs between every pair. */
export function countText(view: TextView, needle: TextView, start: number | undefined, end: number | undefined): number {
  const [first, last] = adjustIndices(start, end, view.length);
  if (last - first < needle.length) return 0;
  if (needle.length === 0) return last - first + 1;
  const region = view.text.slice(view.unitOf(first), view.unitOf(last));
  let count = 0;
  for (let at = indexOfWhole(region, needle.text); at >= 0; at = indexOfWhole(region, needle.text, at + needle.text.length)) count++;
  return count;
}

/** tailmatch: does text[start:end] start (or end) with `affix`? */
export function tailMatches(view: TextView, affix: TextView, start: number | undefined, end: number | undefined, atEnd: boolean): boolean {
  const [first, lastIndex] = adjustIndices(start, end, view.length);
  const last = lastIndex - affix.length;
  if (last < first) return false;
  if (affix.length === 0) return true;
  const at = atEnd ? view.unitOf(last) : view.unitOf(first);
  return startsWithWhole(view.text, affix.text, at);
}

/** What a refusal of replace names. */
const REPLACE = "str.replace";

/**
 * str.replace: null when nothing changes (CPython then returns the str itself), else the new
 * text. `count` < 0 means all occurrences.
 */
export function replaceText(text: string, old: string, replacement: string, count: number): string | null {
  const limit = count < 0 ? Number.MAX_SAFE_INTEGER : count;
  if (limit === 0) return null;
  if (old === "") {
    // Insert before every code point and at the end, up to `limit` times.
    const points = codePointsOf(text);
    let result = "";
    let made = 0;
    for (let i = 0; i <= points.length; i++) {
      if (made < limit) {
        checkSurrogateJoin(result, replacement, REPLACE);
        result += replacement;
        made++;
      }
      if (i < points.length) {
        const char = String.fromCodePoint(points[i]!);
        checkSurrogateJoin(result, char, REPLACE);
        result += char;
      }
    }
    return made === 0 ? null : result;
  }
  let result = "";
  let from = 0;
  let made = 0;
  while (made < limit) {
    const at = indexOfWhole(text, old, from);
    if (at < 0) break;
    const kept = text.slice(from, at);
    checkSurrogateJoin(result, kept, REPLACE);
    result += kept;
    checkSurrogateJoin(result, replacement, REPLACE);
    result += replacement;
    from = at + old.length;
    made++;
  }
  if (made === 0) return null;
  const rest = text.slice(from);
  checkSurrogateJoin(result, rest, REPLACE);
  return result + rest;
}
