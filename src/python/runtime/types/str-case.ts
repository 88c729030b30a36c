// Case mappings and character-class predicates of str, as unicodeobject.c's do_* functions.
import { rt } from "../state.js";
import { unicodeDatabase, type UnicodeDatabase } from "./str-unicode.js";
import { codePointsOf } from "./str-text.js";

function database(): UnicodeDatabase {
  return unicodeDatabase(rt.profile.minor);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const CAPITAL_SIGMA = 0x3a3;

/** handle_capital_sigma: final sigma after a cased letter not followed by one (ignoring case-ignorables). */
function lowerSigma(points: readonly number[], index: number, db: UnicodeDatabase): string {
  let before = index - 1;
  while (before >= 0 && db.isCaseIgnorable(points[before]!)) before--;
  let final = before >= 0 && db.isCased(points[before]!);
  if (final) {
    let after = index + 1;
    while (after < points.length && db.isCaseIgnorable(points[after]!)) after++;
    final = after === points.length || !db.isCased(points[after]!);
  }
  return final ? "\u03c2" : "\u03c3";
}

/** lower_ucs4: the full lower-case mapping with the final-sigma rule. */
function lowerAt(points: readonly number[], index: number, db: UnicodeDatabase): string {
  const code = points[index]!;
  return code === CAPITAL_SIGMA ? lowerSigma(points, index, db) : db.lowerMap(code);
}

export function lowerText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  const db = database();
  const points = codePointsOf(text);
  let result = "";
  for (let i = 0; i < points.length; i++) result += lowerAt(points, i, db);
  return result;
}

export function upperText(text: string): string {
  if (isAscii(text)) return text.toUpperCase();
  const db = database();
  let result = "";
  for (const code of codePointsOf(text)) result += db.upperMap(code);
  return result;
}

export function casefoldText(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  const db = database();
  let result = "";
  for (const code of codePointsOf(text)) result += db.foldMap(code);
  return result;
}

export function swapcaseText(text: string): string {
  const db = database();
  const points = codePointsOf(text);
  let result = "";
  for (let i = 0; i < points.length; i++) {
    const code = points[i]!;
    if (db.isUpper(code)) result += lowerAt(points, i, db);
    else if (db.isLower(code)) result += db.upperMap(code);
    else result += String.fromCodePoint(code);
  }
  return result;
}

/** do_title: title case after an uncased character, lower case after a cased one. */
export function titleText(text: string): string {
  const db = database();
  const points = codePointsOf(text);
  let result = "";
  let previousCased = false;
  for (let i = 0; i < points.length; i++) {
    const code = points[i]!;
    result += previousCased ? lowerAt(points, i, db) : db.titleMap(code);
    previousCased = db.isCased(code);
  }
  return result;
}

/** do_capitalize: title case (3.8+; upper case before) for the first character, lower for the rest. */
export function capitalizeText(text: string, firstAsTitle: boolean): string {
  const db = database();
  const points = codePointsOf(text);
  if (points.length === 0) return "";
  let result = firstAsTitle ? db.titleMap(points[0]!) : db.upperMap(points[0]!);
  for (let i = 1; i < points.length; i++) result += lowerAt(points, i, db);
  return result;
}

/** Every code point passes `test` and there is at least one. */
function every(text: string, test: (code: number, db: UnicodeDatabase) => boolean): boolean {
  if (text.length === 0) return false;
  const db = database();
  for (const code of codePointsOf(text)) if (!test(code, db)) return false;
  return true;
}

export const isAlphaText = (text: string): boolean => every(text, (code, db) => db.isAlpha(code));
export const isDecimalText = (text: string): boolean => every(text, (code, db) => db.isDecimal(code));
export const isDigitText = (text: string): boolean => every(text, (code, db) => db.isDigit(code));
export const isNumericText = (text: string): boolean => every(text, (code, db) => db.isNumeric(code));
export const isSpaceText = (text: string): boolean => every(text, (code, db) => db.isSpace(code));
export const isAlnumText = (text: string): boolean =>
  every(text, (code, db) => db.isAlpha(code) || db.isDecimal(code) || db.isDigit(code) || db.isNumeric(code));

export function isAsciiText(text: string): boolean {
  return isAscii(text);
}

/** isprintable: true for ''. */
export function isPrintableText(text: string): boolean {
  const db = database();
  for (const code of codePointsOf(text)) if (!db.isPrintable(code)) return false;
  return true;
}

export function isLowerText(text: string): boolean {
  const db = database();
  const points = codePointsOf(text);
  // CPython's shortcut for one character: the Lowercase property alone.
  if (points.length === 1) return db.isLower(points[0]!);
  let cased = false;
  for (const code of points) {
    if (db.isUpper(code) || db.isTitle(code)) return false;
    if (!cased && db.isLower(code)) cased = true;
  }
  return cased;
}

export function isUpperText(text: string): boolean {
  const db = database();
  const points = codePointsOf(text);
  // CPython's shortcut for one character: the Uppercase property alone.
  if (points.length === 1) return db.isUpper(points[0]!);
  let cased = false;
  for (const code of points) {
    if (db.isLower(code) || db.isTitle(code)) return false;
    if (!cased && db.isUpper(code)) cased = true;
  }
  return cased;
}

export function isTitleText(text: string): boolean {
  const db = database();
  let cased = false;
  let previousCased = false;
  for (const code of codePointsOf(text)) {
    if (db.isUpper(code) || db.isTitle(code)) {
      if (previousCased) return false;
      previousCased = true;
      cased = true;
    } else if (db.isLower(code)) {
      if (!previousCased) return false;
      previousCased = true;
      cased = true;
    } else {
      previousCased = false;
    }
  }
  return cased;
}

/** isidentifier: XID_Start or '_' first, XID_Continue after (no NFKC normalisation, as CPython). */
export function isIdentifierText(text: string): boolean {
  const points = codePointsOf(text);
  if (points.length === 0) return false;
  const db = database();
  if (!db.isXidStart(points[0]!)) return false;
  for (let i = 1; i < points.length; i++) if (!db.isXidContinue(points[i]!)) return false;
  return true;
}
