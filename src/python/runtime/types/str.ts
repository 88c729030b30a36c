// str objects: creation with CPython's singletons, interning per version, sizes and hashing.
//
// A Python str is held as a JS string (UTF-16). Python counts code points, so astral
// characters (surrogate pairs) are one character; `kind` (PEP 393 storage width) and the
// code-point length are computed once at creation, as CPython computes maxchar.
import { PyObject, IMMORTAL_MARK } from "../object.js";
import { rt } from "../state.js";
import { allocateObject, freeObjectMemory } from "../memory/object-memory.js";
import { hashStr, strKind, type StrKind } from "../hashing/index.js";
import type { PyHash } from "../hashing/hash-value.js";

export const enum InternState {
  NotInterned = 0,
  /** In the interned table without owning a counted reference (mortal). */
  Mortal = 1,
  /** In the interned table and immortal (3.12+ rules). */
  Immortal = 2,
}

/**
 * `PyStr.bits`: the kind in bits 0-2, the intern state in bits 3-4, what is known of ASCII in 5-6,
 * in bit 7 whether the str was an attribute name given at run time.
 */
const KIND_MASK = 7;
const INTERN_SHIFT = 3;
const INTERN_MASK = 3 << INTERN_SHIFT;
const ASCII_YES = 1 << 5;
const ASCII_NO = 2 << 5;
const LOOKUP_NAME = 1 << 7;

/** Code-point lengths of kind-4 strs (the only ones whose length differs from their JS string's). */
const astralLengths = new WeakMap<PyStr, number>();

export class PyStr extends PyObject {
  /**
   * The text, or the int (an int32) whose decimal digits it is, until something asks for the
   * characters (`value`): `str(i)` kept by the million in a list then costs V8 no string object
   * per str to copy at every scavenge, and join writes the digits straight into its buffer.
   * What it spells never changes; strTextsEqual may swap in an identical JS string.
   */
  private text: string | number;
  hashCache: PyHash | null;
  /**
   * Kind, intern state and ASCII-ness in one small integer: strs are made by the million, and
   * each field is 8 more bytes per object for V8's scavenger to copy.
   */
  private bits: number;

  constructor(text: string | number, kind: StrKind, length: number) {
    super(rt.types.str, false);
    this.text = text;
    this.hashCache = null;
    this.bits = kind;
    if (kind === 4 && length !== (text as string).length) astralLengths.set(this, length);
  }

  /** The text as a JS string (spelled out on first need for an int's digits). */
  get value(): string {
    const text = this.text;
    return typeof text === "string" ? text : this.spellDigits();
  }

  private spellDigits(): string {
    const text = String(this.text);
    this.text = text;
    return text;
  }

  /** The text, or the int32 whose decimal digits it is: for readers that can use the digits (join). */
  get textOrDigits(): string | number {
    return this.text;
  }

  /** strTextsEqual: takes an identical JS string (nothing Python can see). */
  shareText(text: string): void {
    this.text = text;
  }

  /** PEP 393 storage width: 1, 2 or 4 bytes per code point. */
  get kind(): StrKind {
    return (this.bits & KIND_MASK) as StrKind;
  }

  /** Length in code points (differs from value.length only with astral characters, kind 4). */
  get length(): number {
    const text = this.text;
    if (typeof text !== "string") return decimalLength(text);
    return (this.bits & 4) === 0 ? text.length : astralLengths.get(this)!;
  }

  get interned(): InternState {
    return ((this.bits & INTERN_MASK) >> INTERN_SHIFT) as InternState;
  }

  set interned(state: InternState) {
    this.bits = (this.bits & ~INTERN_MASK) | (state << INTERN_SHIFT);
  }

  /** True when every code point is ASCII (the compact ASCII layout): scanned once, then known. */
  get isAscii(): boolean {
    const bits = this.bits;
    if ((bits & ASCII_YES) !== 0) return true;
    if ((bits & ASCII_NO) !== 0 || (bits & KIND_MASK) !== 1) return false;
    const ascii = isAscii(this.value);
    this.bits = bits | (ascii ? ASCII_YES : ASCII_NO);
    return ascii;
  }

  /** Records that the text is known to be ASCII (an int's digits), sparing the scan. */
  markAscii(): void {
    this.bits |= ASCII_YES;
  }

  /**
   * True once the exact str was an attribute name given at run time (getattr(obj, name) and
   * kin): CPython's type attribute cache may hold a reference to it from then on (memory-reader).
   */
  get wasLookupName(): boolean {
    return (this.bits & LOOKUP_NAME) !== 0;
  }

  markLookupName(): void {
    this.bits |= LOOKUP_NAME;
  }
}

/** 10**1 … 10**9: an int32 has at most ten digits. */
const DECIMAL_POWERS = [10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** The length of String(number) for an int32. */
export function decimalLength(number: number): number {
  const magnitude = number < 0 ? -number : number;
  // Comparisons rather than divisions: this runs for every such str made, sized and joined.
  let digits = 1;
  while (digits < 10 && magnitude >= DECIMAL_POWERS[digits - 1]!) digits++;
  return number < 0 ? digits + 1 : digits;
}

function codePointLength(value: string, kind: StrKind): number {
  if (kind !== 4) return value.length;
  let length = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** Any UTF-16 code unit outside ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;

function isAscii(value: string): boolean {
  // The regular expression engine scans long text several times faster than a charCodeAt loop
  // (a join's result); short text is cheaper without the call.
  if (value.length > 64) return !NON_ASCII.test(value);
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Bytes of a compact str object as sys.getsizeof reports it (before any GC header: none). */
export function strObjectSize(str: PyStr): number {
  const sizes = rt.profile.sizes;
  if (str.isAscii) return sizes.asciiStrHeader + str.length + 1;
  return sizes.compactStrHeader + (str.length + 1) * str.kind;
}

/** A brand-new str object (never a singleton): what CPython's PyUnicode_New-based paths return. */
export function newStrObject(value: string): PyStr {
  const kind = strKind(value);
  const str = new PyStr(value, kind, codePointLength(value, kind));
  allocateObject(str, strObjectSize(str));
  return str;
}

/**
 * newStrObject for text already known to hold only code points below 256 (kind 1): joins of
 * kind-1 parts skip the storage-width scan of the whole result.
 */
export function newLatin1StrObject(value: string): PyStr {
  const str = new PyStr(value, 1, value.length);
  allocateObject(str, strObjectSize(str));
  return str;
}

/**
 * A new object for non-empty ASCII text (an int's digits), as PyUnicode_New builds it: even one
 * character is a new str, not the Latin-1 singleton (`str(5) is str(5)` is False).
 */
export function newAsciiStr(value: string): PyStr {
  if (value.length === 0) return newStr(value);
  const str = new PyStr(value, 1, value.length);
  str.markAscii();
  allocateObject(str, rt.profile.sizes.asciiStrHeader + value.length + 1);
  return str;
}

/**
 * newAsciiStr(String(number)) for an int's value: an int32 keeps its digits unspelled until
 * they are needed (see PyStr.text).
 */
export function newDecimalStr(number: number): PyStr {
  if ((number | 0) !== number) return newAsciiStr(String(number));
  const length = decimalLength(number);
  const str = new PyStr(number, 1, length);
  str.markAscii();
  allocateObject(str, rt.profile.sizes.asciiStrHeader + length + 1);
  return str;
}

/**
 * A str with CPython's canonical results: '' and single Latin-1 characters are the shared
 * singletons; anything else is a new object. New reference.
 */
export function newStr(value: string): PyStr {
  const length = value.length;
  if (length === 0) return newRef(rt.emptyStr);
  if (length === 1) {
    const code = value.charCodeAt(0);
    if (code < 256) return newRef(rt.latin1Chars[code]!);
  }
  return newStrObject(value);
}

function newRef(str: PyStr): PyStr {
  str.refcount++;
  return str;
}

export function strHash(self: PyObject): PyHash {
  const str = self as PyStr;
  let hash = str.hashCache;
  if (hash === null) {
    const big = hashStr(str.value, rt.profile);
    hash = big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big;
    str.hashCache = hash;
  }
  return hash;
}

export function strDealloc(self: PyObject): void {
  const str = self as PyStr;
  if (str.interned !== InternState.NotInterned) rt.interned.delete(str.value);
  freeObjectMemory(str, strObjectSize(str));
}

/** Makes `str` immortal (3.12+ interning rules); its count no longer matters. */
export function immortalize(object: PyObject): void {
  if (object.refcount < IMMORTAL_MARK) object.refcount += IMMORTAL_MARK;
}

/**
 * Interns a str, per the profile's rules (sys.intern, code constants, identifiers).
 * `asName` marks identifiers and co_names entries, which 3.13+ interns immortal; there a str
 * CPython already holds immortal from startup stays immortal whichever way it is interned.
 * Steals the reference to `str`; returns a new reference to the interned str.
 */
export function intern(str: PyStr, asName: boolean): PyStr {
  if (str.type !== rt.types.str) return str;
  const existing = rt.interned.get(str.value);
  if (existing !== undefined) {
    if (existing !== str) {
      existing.refcount++;
      str.refcount--;
      if (str.refcount === 0) str.type.dealloc(str);
    }
    if (asName) promoteInterned(existing);
    return existing;
  }
  rt.interned.set(str.value, str);
  const model = rt.profile.interning;
  if (model === "immortal" || (model === "names-immortal" && (asName || rt.profile.kernelNames.atStartup.has(str.value)))) {
    str.interned = InternState.Immortal;
    immortalize(str);
  } else {
    str.interned = InternState.Mortal;
  }
  return str;
}

/** 3.13+: a string first interned as a constant becomes immortal once used as a name. */
function promoteInterned(str: PyStr): void {
  if (rt.profile.interning === "names-immortal" && str.interned === InternState.Mortal) {
    str.interned = InternState.Immortal;
    immortalize(str);
  }
}

/** The interned str for an identifier (attribute and variable names): new reference. */
export function internName(name: string): PyStr {
  const existing = rt.interned.get(name);
  if (existing !== undefined) {
    promoteInterned(existing);
    existing.refcount++;
    return existing;
  }
  return intern(newStr(name), true);
}

/** True when CPython's code-object constant interning applies (ASCII letters, digits, _). */
export function isNameCharsOnly(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ok = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
    if (!ok) return false;
  }
  return true;
}

/** Texts at least this long are worth sharing once found equal (see strTextsEqual). */
const SHARE_TEXT_LENGTH = 64;

/**
 * Exact str equality (unicode_eq). Two equal long texts are usually distinct JS strings that
 * JS compares character by character; once they are found equal, the second str takes the
 * first one's JS string (the same characters, nothing Python can see), so comparing them
 * again is a pointer check.
 */
export function strTextsEqual(a: PyStr, b: PyStr): boolean {
  const x = a.value;
  const y = b.value;
  if (x.length !== y.length) return false;
  if (x !== y) return false;
  if (x.length >= SHARE_TEXT_LENGTH) b.shareText(x);
  return true;
}
