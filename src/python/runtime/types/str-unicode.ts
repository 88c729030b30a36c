// Character properties and case mappings as CPython's unicodedata of each version has them.
//
// The JavaScript engine's Unicode tables (regex property escapes, toUpperCase/toLowerCase) are
// newer than any CPython's; str-unicode-data.ts (generated from CPython 3.6–3.13) adds what
// JavaScript lacks (title case, case folding, numeric types) and corrects the rest per version:
// code points a CPython does not know yet are unassigned there (no properties, not printable).
// The model below is the one scripts/unicode/str-unicode-gen.mjs checks the patches against: keep them equal.
import { ASSIGNED_FROM, TITLE_MAPPINGS, FOLD_MAPPINGS, DIGIT_RUNS, NUMERIC_RUNS, VERSION_PATCHES } from "./str-unicode-data.js";

/** The measured version whose data a profile uses (3.14 is not measured: it reads as 3.13). */
const LAST_MEASURED_MINOR = 13;

type PatchValue = boolean | string;

/** What CPython's `isspace` accepts: bidirectional WS, B, S or category Zs (stable since 3.6). */
const SPACE = new Set([9, 10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

/** Line boundaries of str.splitlines (bidirectional B or category Zl/Zp; \r\n is handled apart). */
const LINE_BREAK = new Set([10, 11, 12, 13, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

function matcher(pattern: string): (char: string) => boolean {
  const regex = new RegExp(`^${pattern}$`, "u");
  return (char) => regex.test(char);
}

const jsLetter = matcher("\\p{L}");
const jsDecimal = matcher("\\p{Nd}");
const jsLowercase = matcher("\\p{Lowercase}");
const jsUppercase = matcher("\\p{Uppercase}");
const jsTitlecase = matcher("\\p{Lt}");
const jsCased = matcher("\\p{Cased}");
const jsCaseIgnorable = matcher("\\p{Case_Ignorable}");
const jsOtherOrSeparator = matcher("[\\p{C}\\p{Z}]");
const jsXidStart = matcher("\\p{XID_Start}");
const jsXidContinue = matcher("\\p{XID_Continue}");
const jsAssigned = matcher("\\P{Cn}");

function runSet(runs: readonly number[]): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < runs.length; i += 2) for (let code = runs[i]!; code <= runs[i + 1]!; code++) set.add(code);
  return set;
}

const titleMappings = new Map(TITLE_MAPPINGS);
const foldMappings = new Map(FOLD_MAPPINGS);
const digitOnly = runSet(DIGIT_RUNS);
const numericOnly = runSet(NUMERIC_RUNS);

/** First minor version assigning `code`, or 6 when every measured version knows it. */
function assignedFromMinor(code: number): number {
  let low = 0;
  let high = ASSIGNED_FROM.length / 3 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const first = ASSIGNED_FROM[middle * 3]!;
    const last = ASSIGNED_FROM[middle * 3 + 1]!;
    if (code < first) high = middle - 1;
    else if (code > last) low = middle + 1;
    else return ASSIGNED_FROM[middle * 3 + 2]!;
  }
  return 6;
}

/** The Unicode database of one CPython version, answering per code point. */
export class UnicodeDatabase {
  private readonly patches: Map<number, Map<string, PatchValue>>;
  /** Per-code-point cache of the property bits (non-ASCII lookups use regexes: slow). */
  private readonly bitsCache = new Map<number, number>();

  constructor(private readonly minor: number) {
    this.patches = new Map();
    for (const [code, property, value] of VERSION_PATCHES.get(minor) ?? []) {
      let forCode = this.patches.get(code);
      if (forCode === undefined) this.patches.set(code, (forCode = new Map()));
      forCode.set(property, value);
    }
  }

  isAssigned(code: number): boolean {
    if (code < 0x80) return true;
    return jsAssigned(String.fromCodePoint(code)) && assignedFromMinor(code) <= this.minor;
  }

  private bits(code: number): number {
    let bits = this.bitsCache.get(code);
    if (bits === undefined) {
      bits = this.computeBits(code);
      this.bitsCache.set(code, bits);
    }
    return bits;
  }

  private computeBits(code: number): number {
    if (!this.isAssigned(code)) return 0;
    const char = String.fromCodePoint(code);
    const patch = this.patches.get(code);
    const pick = (name: string, value: boolean): boolean => {
      const patched = patch?.get(name);
      return typeof patched === "boolean" ? patched : value;
    };
    let bits = 0;
    if (pick("alpha", jsLetter(char))) bits |= Bit.Alpha;
    if (pick("decimal", jsDecimal(char))) bits |= Bit.Decimal;
    if (pick("digit", digitOnly.has(code))) bits |= Bit.Digit;
    if (pick("numeric", numericOnly.has(code))) bits |= Bit.Numeric;
    if (pick("lower", jsLowercase(char))) bits |= Bit.Lower;
    if (pick("upper", jsUppercase(char))) bits |= Bit.Upper;
    if (pick("title", jsTitlecase(char))) bits |= Bit.Title;
    if (pick("cased", jsCased(char))) bits |= Bit.Cased;
    if (jsCaseIgnorable(char)) bits |= Bit.CaseIgnorable;
    if (pick("printable", code === 32 || !jsOtherOrSeparator(char))) bits |= Bit.Printable;
    if (pick("xidStart", jsXidStart(char) || code === 95)) bits |= Bit.XidStart;
    if (pick("xidContinue", jsXidContinue(char))) bits |= Bit.XidContinue;
    return bits;
  }

  private has(code: number, bit: Bit): boolean {
    return (this.bits(code) & bit) !== 0;
  }

  isAlpha(code: number): boolean {
    if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return this.has(code, Bit.Alpha);
  }

  isDecimal(code: number): boolean {
    if (code < 0x80) return code >= 0x30 && code <= 0x39;
    return this.has(code, Bit.Decimal);
  }

  /** Numeric_Type Decimal or Digit. */
  isDigit(code: number): boolean {
    if (code < 0x80) return code >= 0x30 && code <= 0x39;
    return (this.bits(code) & (Bit.Decimal | Bit.Digit)) !== 0;
  }

  /** Any Numeric_Type. */
  isNumeric(code: number): boolean {
    if (code < 0x80) return code >= 0x30 && code <= 0x39;
    return (this.bits(code) & (Bit.Decimal | Bit.Digit | Bit.Numeric)) !== 0;
  }

  /** Py_UNICODE_ISLOWER: the Lowercase property. */
  isLower(code: number): boolean {
    if (code < 0x80) return code >= 0x61 && code <= 0x7a;
    return this.has(code, Bit.Lower);
  }

  /** Py_UNICODE_ISUPPER: the Uppercase property. */
  isUpper(code: number): boolean {
    if (code < 0x80) return code >= 0x41 && code <= 0x5a;
    return this.has(code, Bit.Upper);
  }

  /** Py_UNICODE_ISTITLE: category Lt. */
  isTitle(code: number): boolean {
    return code >= 0x80 && this.has(code, Bit.Title);
  }

  isCased(code: number): boolean {
    if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return this.has(code, Bit.Cased);
  }

  isCaseIgnorable(code: number): boolean {
    if (code < 0x80) return code === 0x27 || code === 0x2e || code === 0x3a || code === 0x5e || code === 0x60;
    return this.has(code, Bit.CaseIgnorable);
  }

  isSpace(code: number): boolean {
    return SPACE.has(code);
  }

  isLineBreak(code: number): boolean {
    return LINE_BREAK.has(code);
  }

  isPrintable(code: number): boolean {
    if (code < 0x80) return code >= 0x20 && code < 0x7f;
    return this.has(code, Bit.Printable);
  }

  isXidStart(code: number): boolean {
    if (code < 0x80) return code === 0x5f || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return this.has(code, Bit.XidStart);
  }

  isXidContinue(code: number): boolean {
    if (code < 0x80) return code === 0x5f || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return this.has(code, Bit.XidContinue);
  }

  /** _PyUnicode_ToLowerFull (no final-sigma rule: callers apply it). */
  lowerMap(code: number): string {
    if (code < 0x80) return String.fromCharCode(code >= 0x41 && code <= 0x5a ? code + 32 : code);
    return this.mapping(code, "lowerMap", (char) => char.toLowerCase());
  }

  /** _PyUnicode_ToUpperFull. */
  upperMap(code: number): string {
    if (code < 0x80) return String.fromCharCode(code >= 0x61 && code <= 0x7a ? code - 32 : code);
    return this.mapping(code, "upperMap", (char) => char.toUpperCase());
  }

  /** _PyUnicode_ToTitleFull. */
  titleMap(code: number): string {
    if (code < 0x80) return this.upperMap(code);
    return this.mapping(code, "titleMap", (char) => titleMappings.get(code) ?? char.toUpperCase());
  }

  /** _PyUnicode_ToFoldedFull. */
  foldMap(code: number): string {
    if (code < 0x80) return this.lowerMap(code);
    return this.mapping(code, "casefoldMap", (char) => foldMappings.get(code) ?? char.toLowerCase());
  }

  private mapping(code: number, name: string, model: (char: string) => string): string {
    const char = String.fromCodePoint(code);
    if (!this.isAssigned(code)) return char;
    const patched = this.patches.get(code)?.get(name);
    if (typeof patched === "string") return patched;
    // A lone character: JavaScript's final-sigma rule cannot apply to it.
    return model(char);
  }
}

const enum Bit {
  Alpha = 1,
  Decimal = 2,
  Digit = 4,
  Numeric = 8,
  Lower = 16,
  Upper = 32,
  Title = 64,
  Cased = 128,
  CaseIgnorable = 256,
  Printable = 512,
  XidStart = 1024,
  XidContinue = 2048,
}

const databases = new Map<number, UnicodeDatabase>();

/** The database of CPython 3.<minor> (shared: it holds no runtime objects). */
export function unicodeDatabase(minor: number): UnicodeDatabase {
  const measured = Math.min(minor, LAST_MEASURED_MINOR);
  let database = databases.get(measured);
  if (database === undefined) databases.set(measured, (database = new UnicodeDatabase(measured)));
  return database;
}
