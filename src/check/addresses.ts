// Finds memory addresses in output text: the tokens the checker treats as identity symbols.
//
// What counts as an address (also in src/check/README.md):
// - hex: `0x`/`0X` followed by 8 to 16 hex digits, zero padding included (`0x7ff8df77a2b0`,
//   `0x0000021257457B70`, a 32-bit `0x7559eaf0`). Fewer than 8 digits is ordinary text, so
//   `hex(255)` -> `0xff` or `hex(65535)` -> `0xffff` never become symbols;
// - decimal: 7 to 20 digits, only in cells whose source calls `id(` (what `print(id(x))` shows);
// - and in both cases the value must be a plausible object address: non-zero, below 2**64 and a
//   multiple of 4 (every CPython object is at least pointer-aligned, 4 bytes even on 32-bit
//   builds). This keeps refcounts such as 4294967295 (immortal objects) or 1000000123 from being
//   mistaken for ids in a cell that also calls `id(`;
// - in a cell whose source calls `id(`, hex from 6 digits: an interpreter built without
//   position-independent code keeps None and the small ints at addresses such as `0xa5bbc8`.
// A token must stand alone: no letter, digit or underscore touching it, and a decimal is not
// part of a float (`1.1234567`, `1234567.5`).

export type AddressForm = "hex" | "decimal";

export interface AddressToken {
  readonly form: AddressForm;
  /** The text as written, e.g. "0x0000021257457B70". */
  readonly text: string;
  /** The address value; equal values are one symbol whatever the case or padding. */
  readonly value: bigint;
  /** Offset of the token in its line. */
  readonly start: number;
  readonly end: number;
}

export const MIN_HEX_DIGITS = 8;
/** Where the cell calls `id(`: static objects of a non-PIE interpreter sit at 6-digit addresses. */
export const MIN_HEX_DIGITS_WITH_ID = 6;
export const MAX_HEX_DIGITS = 16;
export const MIN_DECIMAL_DIGITS = 7;
export const MAX_DECIMAL_DIGITS = 20;
export const ADDRESS_ALIGNMENT = 4n;
const ADDRESS_LIMIT = 1n << 64n;

const HEX_ADDRESS = new RegExp(
  `(?<![0-9A-Za-z_])0[xX]([0-9a-fA-F]{${MIN_HEX_DIGITS},${MAX_HEX_DIGITS}})(?![0-9A-Za-z_])`,
  "g",
);
const HEX_ADDRESS_WITH_ID = new RegExp(
  `(?<![0-9A-Za-z_])0[xX]([0-9a-fA-F]{${MIN_HEX_DIGITS_WITH_ID},${MAX_HEX_DIGITS}})(?![0-9A-Za-z_])`,
  "g",
);
const DECIMAL_ADDRESS = new RegExp(
  `(?<![0-9A-Za-z_.])[0-9]{${MIN_DECIMAL_DIGITS},${MAX_DECIMAL_DIGITS}}(?![0-9A-Za-z_]|\\.[0-9])`,
  "g",
);
/** `id(` called as the builtin: not `obj.id(`, not `object_by_id(`. */
const CALLS_ID = /(?<![\w.])id\s*\(/u;

export interface AddressOptions {
  /** Recognise decimal ids and shorter hex ids too (the cell's source calls `id(`). */
  readonly decimalIds: boolean;
}

/** Whether a cell's source calls the builtin `id(`, which makes decimal ids addresses. */
export function callsId(source: string): boolean {
  return CALLS_ID.test(source);
}

export function isPlausibleAddress(value: bigint): boolean {
  return value > 0n && value < ADDRESS_LIMIT && value % ADDRESS_ALIGNMENT === 0n;
}

/** The address tokens of one line, in order, non-overlapping. */
export function findAddresses(line: string, options: AddressOptions): AddressToken[] {
  const tokens: AddressToken[] = [];
  for (const match of line.matchAll(options.decimalIds ? HEX_ADDRESS_WITH_ID : HEX_ADDRESS)) {
    const value = BigInt(`0x${match[1]}`);
    if (!isPlausibleAddress(value)) continue;
    tokens.push({ form: "hex", text: match[0], value, start: match.index, end: match.index + match[0].length });
  }
  if (options.decimalIds) {
    for (const match of line.matchAll(DECIMAL_ADDRESS)) {
      const value = BigInt(match[0]);
      if (!isPlausibleAddress(value)) continue;
      const start = match.index;
      const end = start + match[0].length;
      // A decimal inside a hex token ("0x12345678" holds no decimal match thanks to the
      // look-behind, but keep the invariant explicit).
      if (tokens.some((token) => token.start < end && start < token.end)) continue;
      tokens.push({ form: "decimal", text: match[0], value, start, end });
    }
    tokens.sort((a, b) => a.start - b.start);
  }
  return tokens;
}

/** The key under which an address is a symbol: same value = same object, any spelling. */
export function addressKey(token: AddressToken): string {
  return token.value.toString(16);
}
