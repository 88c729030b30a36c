// `_Py_HashPointer`: the default object hash (address rotated right by 4), and hash(None).

import { hashRules, type HashVersion } from "./hash-rules.js";
import { Uint64 } from "./uint64.js";

const register = new Uint64();

/** The constant `none_hash` returns from 3.12 on (gh-99540): 0xFCA86420. */
export const NONE_HASH = 0xfca86420n;

/** Leaves hash-by-identity of an object at `address` in `result`. */
export function hashPointerInto(address: bigint | number, result: Uint64): Uint64 {
  // The low 3-4 bits of an aligned address are zero; rotating them to the top keeps them
  // from crowding the same table slots.
  result.load(address);
  const lo = result.lo;
  const hi = result.hi;
  result.lo = ((lo >>> 4) | (hi << 28)) >>> 0;
  result.hi = ((hi >>> 4) | (lo << 28)) >>> 0;
  if (result.isAllOnes()) result.set(0xffffffff, 0xfffffffe);
  return result;
}

/** object.__hash__ for the object at `address` (an unsigned 64-bit address). */
export function hashPointer(address: bigint | number): bigint {
  return hashPointerInto(address, register).toSigned();
}

/** hash(None): the constant from 3.12, the address of the None object before. */
export function hashNone(version: HashVersion, address: bigint | number): bigint {
  return hashRules(version).noneHashIsConstant ? NONE_HASH : hashPointer(address);
}
