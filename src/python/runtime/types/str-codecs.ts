// The text codecs of str.encode, bytes.decode and str(bytes, ...).
// UTF-8, ASCII, Latin-1, cp1252, UTF-16 and UTF-32.
//
// Errors follow CPython's codecs: unencodable runs and undecodable byte runs are reported with
// the same positions and reasons ("invalid start byte", "ordinal not in range(128)"), and the
// error handlers strict, ignore, replace, backslashreplace, xmlcharrefreplace, surrogateescape
// and surrogatepass are applied the same way. Other codecs CPython knows are refused as
// unsupported; names it does not know raise LookupError.
import { refuseJoinedSurrogates } from "./str-surrogates.js";
import { rt } from "../state.js";
import { pyError, Unsupported, PyRaise } from "../errors.js";
import { decref } from "../object.js";
import { PyBaseException, addExceptionNote } from "./exceptions.js";
import { newStr } from "./str.js";
import { strRepr } from "../format/str-repr.js";
import { codecError, characterEscape } from "./unicode-errors.js";
import { KNOWN_CODEC_NAMES } from "./str-codec-names.js";
import { codePointsOf } from "./str-text.js";

type Codec = "utf-8" | "ascii" | "latin-1" | "cp1252" | "utf-16" | "utf-16-le" | "utf-16-be" | "utf-32" | "utf-32-le" | "utf-32-be";

const ALIASES = new Map<string, Codec>();
function alias(codec: Codec, names: readonly string[]): void {
  for (const name of names) ALIASES.set(name, codec);
}
alias("utf-8", ["utf_8", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4"]);
alias("ascii", ["ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii"]);
alias("latin-1", ["latin_1", "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1"]);
alias("cp1252", ["cp1252", "windows_1252", "1252"]);
alias("utf-16", ["utf_16", "u16", "utf16"]);
alias("utf-16-le", ["utf_16_le", "unicodelittleunmarked", "utf_16le"]);
alias("utf-16-be", ["utf_16_be", "unicodebigunmarked", "utf_16be"]);
alias("utf-32", ["utf_32", "u32", "utf32"]);
alias("utf-32-le", ["utf_32_le", "utf_32le"]);
alias("utf-32-be", ["utf_32_be", "utf_32be"]);

/** The name CPython's messages give each codec ("'utf-8' codec can't ..."). */
const MESSAGE_NAME = new Map<Codec, string>([
  ["utf-8", "utf-8"],
  ["ascii", "ascii"],
  ["latin-1", "latin-1"],
  // Table-driven codecs (encodings/cp1252.py) report themselves as 'charmap'.
  ["cp1252", "charmap"],
  ["utf-16", "utf-16"],
  ["utf-16-le", "utf-16-le"],
  ["utf-16-be", "utf-16-be"],
  ["utf-32", "utf-32"],
  ["utf-32-le", "utf-32-le"],
  ["utf-32-be", "utf-32-be"],
]);

/** cp1252's bytes 0x80–0x9F (-1: undefined); every other byte is its Latin-1 character. */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, -1, 0x17d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, -1, 0x17e, 0x178,
];
const CP1252_ENCODE = new Map<number, number>();
CP1252_HIGH.forEach((code, index) => {
  if (code >= 0) CP1252_ENCODE.set(code, 0x80 + index);
});

function cp1252Byte(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return CP1252_ENCODE.get(code) ?? -1;
}

/** encodings.normalize_encoding, lower-cased: other runs than letters, digits and '.' become '_'. */
function normalizeEncoding(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function lookupCodec(name: string): Codec {
  const normalized = normalizeEncoding(name);
  const codec = ALIASES.get(normalized) ?? ALIASES.get(normalized.replace(/\./g, "_"));
  if (codec !== undefined) return codec;
  if (KNOWN_CODEC_NAMES.has(normalized) || KNOWN_CODEC_NAMES.has(normalized.replace(/\./g, "_"))) {
    throw new Unsupported(`the '${name}' codec`);
  }
  throw pyError(rt.exc.LookupError, `unknown encoding: ${name}`);
}

const HANDLERS = new Set(["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]);

/** The handler, checked only when an error happens (as CPython looks it up lazily). */
function checkHandler(errors: string): void {
  if (!HANDLERS.has(errors)) throw pyError(rt.exc.LookupError, `unknown error handler name '${errors}'`);
}

const charEscape = characterEscape;

/** UnicodeEncodeError(codec, text, start, end, reason): its str() is the codec message. */
function encodeError(codec: Codec, points: readonly number[], start: number, end: number, reason: string): PyRaise {
  let text = "";
  for (let at = 0; at < points.length; at += 4096) text += String.fromCodePoint(...points.slice(at, at + 4096));
  return codecError("UnicodeEncodeError", MESSAGE_NAME.get(codec)!, text, start, end, reason);
}

function decodeError(codec: Codec, bytes: Uint8Array, start: number, end: number, reason: string): PyRaise {
  return codecError("UnicodeDecodeError", MESSAGE_NAME.get(codec)!, bytes, start, end, reason);
}

const isSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdfff;

class ByteWriter {
  private bytes: number[] = [];
  push(...values: number[]): void {
    for (const value of values) this.bytes.push(value);
  }
  ascii(text: string): void {
    for (let i = 0; i < text.length; i++) this.bytes.push(text.charCodeAt(i));
  }
  result(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function pushUtf8(out: ByteWriter, code: number): void {
  if (code < 0x80) out.push(code);
  else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
  else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
}

function pushUnit(out: ByteWriter, codec: Codec, code: number): void {
  if (codec === "utf-8") pushUtf8(out, code);
  else if (codec === "utf-16-le" || codec === "utf-16") {
    if (code >= 0x10000) {
      const high = 0xd800 + ((code - 0x10000) >> 10);
      const low = 0xdc00 + ((code - 0x10000) & 0x3ff);
      out.push(high & 0xff, high >> 8, low & 0xff, low >> 8);
    } else out.push(code & 0xff, code >> 8);
  } else if (codec === "utf-16-be") {
    if (code >= 0x10000) {
      const high = 0xd800 + ((code - 0x10000) >> 10);
      const low = 0xdc00 + ((code - 0x10000) & 0x3ff);
      out.push(high >> 8, high & 0xff, low >> 8, low & 0xff);
    } else out.push(code >> 8, code & 0xff);
  } else if (codec === "utf-32-le" || codec === "utf-32") out.push(code & 0xff, (code >> 8) & 0xff, code >> 16, 0);
  else if (codec === "utf-32-be") out.push(0, code >> 16, (code >> 8) & 0xff, code & 0xff);
  else if (codec === "cp1252") out.push(cp1252Byte(code));
  else out.push(code);
}

/** What a codec cannot encode, and why. */
function unencodableReason(codec: Codec, code: number): string | null {
  if (codec === "ascii") return code >= 0x80 ? "ordinal not in range(128)" : null;
  if (codec === "latin-1") return code >= 0x100 ? "ordinal not in range(256)" : null;
  if (codec === "cp1252") return cp1252Byte(code) < 0 ? "character maps to <undefined>" : null;
  return isSurrogate(code) ? "surrogates not allowed" : null;
}

/**
 * 3.12+: an error raised by a codec written in Python (cp1252 is encodings/cp1252.py; the others
 * are built in) gets the note "encoding with 'cp1252' codec failed", naming the codec as given.
 */
function withCodecNote<T>(codec: Codec, encoding: string, operation: "encoding" | "decoding", run: () => T): T {
  if (codec !== "cp1252" || rt.profile.minor < 12) return run();
  try {
    return run();
  } catch (error) {
    if (error instanceof PyRaise && error.exception instanceof PyBaseException) {
      const note = newStr(`${operation} with ${strRepr(encoding)} codec failed`);
      addExceptionNote(error.exception, note);
      decref(note);
    }
    throw error;
  }
}

/** text.encode(encoding, errors). */
export function encodeText(text: string, encoding: string, errors: string): Uint8Array {
  const codec = lookupCodec(encoding);
  return withCodecNote(codec, encoding, "encoding", () => encodeWith(codec, text, errors));
}

function encodeWith(codec: Codec, text: string, errors: string): Uint8Array {
  const points = codePointsOf(text);
  const out = new ByteWriter();
  if (codec === "utf-16") out.push(0xff, 0xfe);
  if (codec === "utf-32") out.push(0xff, 0xfe, 0, 0);
  for (let i = 0; i < points.length; ) {
    const code = points[i]!;
    const reason = unencodableReason(codec, code);
    if (reason === null) {
      pushUnit(out, codec, code);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < points.length && unencodableReason(codec, points[end]!) !== null) end++;
    if (errors === "strict") throw encodeError(codec, points, i, end, reason);
    checkHandler(errors);
    for (let at = i; at < end; at++) encodeReplacement(out, codec, points, at, end, errors, reason);
    i = end;
  }
  return out.result();
}

function encodeReplacement(out: ByteWriter, codec: Codec, points: readonly number[], at: number, end: number, errors: string, reason: string): void {
  const code = points[at]!;
  const replaceWith = (text: string): void => {
    for (const char of text) pushUnit(out, codec, char.codePointAt(0)!);
  };
  switch (errors) {
    case "ignore":
      return;
    case "replace":
      return replaceWith("?");
    case "backslashreplace":
      return replaceWith(charEscape(code));
    case "xmlcharrefreplace":
      return replaceWith(`&#${code};`);
    case "surrogateescape":
      if (code >= 0xdc80 && code <= 0xdcff && !codec.startsWith("utf-16") && !codec.startsWith("utf-32")) {
        out.push(code - 0xdc00);
        return;
      }
      throw encodeError(codec, points, at, end, reason);
    case "surrogatepass":
      if (isSurrogate(code) && codec !== "ascii" && codec !== "latin-1") {
        if (codec === "utf-8") out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
        else pushUnit(out, codec, code);
        return;
      }
      throw encodeError(codec, points, at, end, reason);
    default:
      throw new Unsupported(`the '${errors}' error handler`);
  }
}

/** bytes.decode(encoding, errors). */
export function decodeBytes(bytes: Uint8Array, encoding: string, errors: string): string {
  const codec = lookupCodec(encoding);
  return withCodecNote(codec, encoding, "decoding", () => decodeWith(codec, bytes, errors));
}

function decodeWith(codec: Codec, bytes: Uint8Array, errors: string): string {
  switch (codec) {
    case "utf-8":
      return decodeUtf8(bytes, errors);
    case "ascii":
      return decodeSingleByte(bytes, errors, 0x80, codec);
    case "latin-1":
      return decodeSingleByte(bytes, errors, 0x100, codec);
    case "cp1252":
      return decodeCp1252(bytes, errors);
    default:
      return decodeWide(bytes, codec, errors);
  }
}

class TextWriter {
  private parts: string[] = [];
  private pending: number[] = [];
  /** The last code point written by code(), to catch a lone high surrogate meeting a low one. */
  private last = -1;
  code(code: number): void {
    if (code >= 0xdc00 && code <= 0xdfff && this.last >= 0xd800 && this.last <= 0xdbff) refuseJoinedSurrogates("decoding bytes");
    this.last = code;
    this.pending.push(code);
    if (this.pending.length >= 4096) this.flush();
  }
  text(text: string): void {
    this.last = -1;
    this.flush();
    this.parts.push(text);
  }
  private flush(): void {
    if (this.pending.length > 0) this.parts.push(String.fromCodePoint(...this.pending));
    this.pending = [];
  }
  result(): string {
    this.flush();
    return this.parts.join("");
  }
}

/** Applies a decode error handler to bytes[start:end]; returns where decoding resumes. */
function decodeReplacement(out: TextWriter, codec: Codec, bytes: Uint8Array, start: number, end: number, errors: string, reason: string): number {
  if (errors === "strict") throw decodeError(codec, bytes, start, end, reason);
  checkHandler(errors);
  switch (errors) {
    case "ignore":
      return end;
    case "replace":
      out.code(0xfffd);
      return end;
    case "backslashreplace":
      for (let at = start; at < end; at++) out.text(`\\x${bytes[at]!.toString(16).padStart(2, "0")}`);
      return end;
    case "surrogateescape":
      for (let at = start; at < end; at++) {
        if (bytes[at]! < 0x80) throw decodeError(codec, bytes, start, end, reason);
        out.code(0xdc00 + bytes[at]!);
      }
      return end;
    case "surrogatepass":
      if (codec === "utf-8" && bytes[start] === 0xed && start + 2 < bytes.length) {
        const second = bytes[start + 1]!;
        const third = bytes[start + 2]!;
        if (second >= 0xa0 && second <= 0xbf && third >= 0x80 && third <= 0xbf) {
          out.code(((0xed & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f));
          return start + 3;
        }
      }
      throw decodeError(codec, bytes, start, end, reason);
    default:
      throw new Unsupported(`the '${errors}' error handler`);
  }
}

function decodeSingleByte(bytes: Uint8Array, errors: string, limit: number, codec: Codec): string {
  const out = new TextWriter();
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    if (byte < limit) {
      out.code(byte);
      i++;
    } else {
      i = decodeReplacement(out, codec, bytes, i, i + 1, errors, "ordinal not in range(128)");
    }
  }
  return out.result();
}

function decodeCp1252(bytes: Uint8Array, errors: string): string {
  const out = new TextWriter();
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i]!;
    const code = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
    if (code >= 0) {
      out.code(code);
      i++;
    } else {
      i = decodeReplacement(out, "cp1252", bytes, i, i + 1, errors, "character maps to <undefined>");
    }
  }
  return out.result();
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** UTF-8 with CPython's error ranges (maximal invalid subparts). */
function decodeUtf8(bytes: Uint8Array, errors: string): string {
  const out = new TextWriter();
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      out.code(lead);
      i++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      i = decodeReplacement(out, "utf-8", bytes, i, i + 1, errors, "invalid start byte");
      continue;
    }
    let valid = 1;
    for (let k = 1; k <= needed; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) break;
      const ok = k === 1 ? byte >= low && byte <= high : isContinuation(byte);
      if (!ok) break;
      valid++;
    }
    if (valid === needed + 1) {
      let code = lead & (needed === 1 ? 0x1f : needed === 2 ? 0x0f : 0x07);
      for (let k = 1; k <= needed; k++) code = (code << 6) | (bytes[i + k]! & 0x3f);
      out.code(code);
      i += valid;
      continue;
    }
    const truncated = i + valid === length;
    i = decodeReplacement(out, "utf-8", bytes, i, i + valid, errors, truncated ? "unexpected end of data" : "invalid continuation byte");
  }
  return out.result();
}

/**
 * UTF-16 / UTF-32 (BOM-detecting forms included). 'surrogatepass' lets lone surrogates through;
 * other malformed input is refused as unsupported.
 */
function decodeWide(bytes: Uint8Array, codec: Codec, errors: string): string {
  const passSurrogates = errors === "surrogatepass";
  const wide = codec.startsWith("utf-32");
  const unit = wide ? 4 : 2;
  let littleEndian = codec.endsWith("-le") || codec === "utf-16" || codec === "utf-32";
  let start = 0;
  if (codec === "utf-16" && bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) start = 2;
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [start, littleEndian] = [2, false];
  }
  if (codec === "utf-32" && bytes.length >= 4) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) start = 4;
    else if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) [start, littleEndian] = [4, false];
  }
  if ((bytes.length - start) % unit !== 0) throw new Unsupported(`${codec} decoding of truncated data`);
  const units: number[] = [];
  for (let i = start; i < bytes.length; i += unit) {
    let value = 0;
    for (let k = 0; k < unit; k++) value += bytes[i + (littleEndian ? k : unit - 1 - k)]! * 2 ** (8 * k);
    units.push(value);
  }
  const out = new TextWriter();
  for (let i = 0; i < units.length; i++) {
    const value = units[i]!;
    if (wide) {
      if (value > 0x10ffff || (isSurrogate(value) && !passSurrogates)) throw new Unsupported(`${codec} decoding of invalid code points`);
      out.code(value);
    } else if (value >= 0xd800 && value <= 0xdbff && units[i + 1] !== undefined && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
      out.code(0x10000 + ((value - 0xd800) << 10) + (units[i + 1]! - 0xdc00));
      i++;
    } else if (isSurrogate(value) && !passSurrogates) {
      throw new Unsupported(`${codec} decoding of unpaired surrogates`);
    } else out.code(value);
  }
  return out.result();
}
