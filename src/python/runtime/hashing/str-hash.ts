// `unicode_hash`: SipHash over a str's canonical CPython storage (1, 2 or 4 bytes per code point).

import { hashByteRangeInto } from "./bytes-hash.js";
import { hashRules, type HashVersion } from "./hash-rules.js";
import { Uint64 } from "./uint64.js";

/** PEP 393 storage width in bytes per code point: 1 (ASCII/Latin-1), 2 (UCS-2) or 4 (UCS-4). */
export type StrKind = 1 | 2 | 4;

let scratch = new Uint8Array(256);
const register = new Uint64();

function ensureScratch(byteLength: number): Uint8Array {
  if (scratch.length < byteLength) {
    let size = scratch.length;
    while (size < byteLength) size *= 2;
    scratch = new Uint8Array(size);
  }
  return scratch;
}

/**
 * The PEP 393 kind CPython would store `text` in. JS strings are UTF-16: a high surrogate
 * followed by a low one is one astral code point; a lone surrogate is itself a code point
 * (as in Python, where '\ud800' is a one-character str of kind 2).
 */
export function strKind(text: string): StrKind {
  let kind: StrKind = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x100) continue;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return 4;
    }
    kind = 2;
  }
  return kind;
}

/** Writes the kind-width little-endian storage of `text`; returns its byte length. */
function encodeCanonical(text: string, kind: StrKind): number {
  const length = text.length;
  if (kind === 1) {
    const bytes = ensureScratch(length);
    for (let i = 0; i < length; i++) bytes[i] = text.charCodeAt(i);
    return length;
  }
  if (kind === 2) {
    const bytes = ensureScratch(length * 2);
    for (let i = 0; i < length; i++) {
      const unit = text.charCodeAt(i);
      bytes[2 * i] = unit & 0xff;
      bytes[2 * i + 1] = unit >>> 8;
    }
    return length * 2;
  }
  const bytes = ensureScratch(length * 4);
  let at = 0;
  for (let i = 0; i < length; i++) {
    let codePoint = text.charCodeAt(i);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    bytes[at] = codePoint & 0xff;
    bytes[at + 1] = (codePoint >>> 8) & 0xff;
    bytes[at + 2] = codePoint >>> 16;
    bytes[at + 3] = 0;
    at += 4;
  }
  return at;
}

/** Leaves hash(text) in `result` without allocating a bigint (for tables and caches). */
export function hashStrInto(text: string, version: HashVersion, result: Uint64): Uint64 {
  const rules = hashRules(version);
  // Most strs are ASCII/Latin-1: encode optimistically and widen only when a unit says so.
  const length = text.length;
  const bytes = ensureScratch(length);
  let i = 0;
  for (; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x100) break;
    bytes[i] = unit;
  }
  if (i === length) return hashByteRangeInto(bytes, length, rules, result);
  const kind = strKind(text);
  const byteLength = encodeCanonical(text, kind);
  return hashByteRangeInto(scratch, byteLength, rules, result);
}

/** hash(text) as CPython computes it with PYTHONHASHSEED=0. */
export function hashStr(text: string, version: HashVersion): bigint {
  return hashStrInto(text, version, register).toSigned();
}
