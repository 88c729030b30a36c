// SipHash-c-d with an all-zero key (PYTHONHASHSEED=0), on 32-bit halves: CPython's `pysiphash`.

import type { Uint64 } from "./uint64.js";

// Initial state: the SipHash constants XOR the key halves; with PYTHONHASHSEED=0 the key is
// all zero (`_Py_HashRandomization_Init` clears the whole secret).
const V0_HI = 0x736f6d65;
const V0_LO = 0x70736575;
const V1_HI = 0x646f7261;
const V1_LO = 0x6e646f6d;
const V2_HI = 0x6c796765;
const V2_LO = 0x6e657261;
const V3_HI = 0x74656462;
const V3_LO = 0x79746573;

/** A SipHash key as uint32 halves [k0 low, k0 high, k1 low, k1 high]; CPython's is all zero. */
export type SipKey = readonly [number, number, number, number];

const ZERO_KEY: SipKey = [0, 0, 0, 0];

/**
 * Hashes `bytes[0, length)` and leaves the 64-bit result in `result`. The state lives in sixteen
 * local uint32 numbers; the round body is written out twice (message, finalisation) rather than
 * called, because a call per round costs more than the round itself.
 *
 * The round is CPython's `HALF_ROUND(v0,v1,v2,v3,13,16); HALF_ROUND(v2,v1,v0,v3,17,21)`, i.e.
 * the standard SipRound.
 */
export function sipHash(
  bytes: Uint8Array,
  length: number,
  compressionRounds: number,
  finalizationRounds: number,
  result: Uint64,
  key: SipKey = ZERO_KEY,
): void {
  const [k0l, k0h, k1l, k1h] = key;
  let v0h = (V0_HI ^ k0h) >>> 0, v0l = (V0_LO ^ k0l) >>> 0, v1h = (V1_HI ^ k1h) >>> 0, v1l = (V1_LO ^ k1l) >>> 0;
  let v2h = (V2_HI ^ k0h) >>> 0, v2l = (V2_LO ^ k0l) >>> 0, v3h = (V3_HI ^ k1h) >>> 0, v3l = (V3_LO ^ k1l) >>> 0;
  let sum = 0, th = 0, tl = 0;

  const fullWords = length >>> 3;
  // Word `fullWords` is the final block: the tail bytes plus the length in the top byte.
  for (let word = 0; word <= fullWords; word++) {
    let mh: number;
    let ml: number;
    const at = word << 3;
    if (word < fullWords) {
      ml = (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
      mh = (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>> 0;
    } else {
      const tail = length & 7;
      ml = 0;
      mh = (length & 0xff) << 24;
      for (let k = 0; k < tail; k++) {
        if (k < 4) ml |= bytes[at + k]! << (8 * k);
        else mh |= bytes[at + k]! << (8 * (k - 4));
      }
      ml >>>= 0;
      mh >>>= 0;
    }
    v3h = (v3h ^ mh) >>> 0;
    v3l = (v3l ^ ml) >>> 0;
    for (let round = 0; round < compressionRounds; round++) {
      // v0 += v1; v2 += v3
      sum = v0l + v1l; v0h = (v0h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v0l = sum >>> 0;
      sum = v2l + v3l; v2h = (v2h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v2l = sum >>> 0;
      // v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
      th = ((v1h << 13) | (v1l >>> 19)) >>> 0; tl = ((v1l << 13) | (v1h >>> 19)) >>> 0;
      v1h = (th ^ v0h) >>> 0; v1l = (tl ^ v0l) >>> 0;
      th = ((v3h << 16) | (v3l >>> 16)) >>> 0; tl = ((v3l << 16) | (v3h >>> 16)) >>> 0;
      v3h = (th ^ v2h) >>> 0; v3l = (tl ^ v2l) >>> 0;
      // v0 = rotl(v0, 32)
      th = v0h; v0h = v0l; v0l = th;
      // v2 += v1; v0 += v3
      sum = v2l + v1l; v2h = (v2h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v2l = sum >>> 0;
      sum = v0l + v3l; v0h = (v0h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v0l = sum >>> 0;
      // v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
      th = ((v1h << 17) | (v1l >>> 15)) >>> 0; tl = ((v1l << 17) | (v1h >>> 15)) >>> 0;
      v1h = (th ^ v2h) >>> 0; v1l = (tl ^ v2l) >>> 0;
      th = ((v3h << 21) | (v3l >>> 11)) >>> 0; tl = ((v3l << 21) | (v3h >>> 11)) >>> 0;
      v3h = (th ^ v0h) >>> 0; v3l = (tl ^ v0l) >>> 0;
      // v2 = rotl(v2, 32)
      th = v2h; v2h = v2l; v2l = th;
    }
    v0h = (v0h ^ mh) >>> 0;
    v0l = (v0l ^ ml) >>> 0;
  }

  v2l = (v2l ^ 0xff) >>> 0;
  for (let round = 0; round < finalizationRounds; round++) {
    sum = v0l + v1l; v0h = (v0h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v0l = sum >>> 0;
    sum = v2l + v3l; v2h = (v2h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v2l = sum >>> 0;
    th = ((v1h << 13) | (v1l >>> 19)) >>> 0; tl = ((v1l << 13) | (v1h >>> 19)) >>> 0;
    v1h = (th ^ v0h) >>> 0; v1l = (tl ^ v0l) >>> 0;
    th = ((v3h << 16) | (v3l >>> 16)) >>> 0; tl = ((v3l << 16) | (v3h >>> 16)) >>> 0;
    v3h = (th ^ v2h) >>> 0; v3l = (tl ^ v2l) >>> 0;
    th = v0h; v0h = v0l; v0l = th;
    sum = v2l + v1l; v2h = (v2h + v1h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v2l = sum >>> 0;
    sum = v0l + v3l; v0h = (v0h + v3h + (sum > 0xffffffff ? 1 : 0)) >>> 0; v0l = sum >>> 0;
    th = ((v1h << 17) | (v1l >>> 15)) >>> 0; tl = ((v1l << 17) | (v1h >>> 15)) >>> 0;
    v1h = (th ^ v2h) >>> 0; v1l = (tl ^ v2l) >>> 0;
    th = ((v3h << 21) | (v3l >>> 11)) >>> 0; tl = ((v3l << 21) | (v3h >>> 11)) >>> 0;
    v3h = (th ^ v0h) >>> 0; v3l = (tl ^ v0l) >>> 0;
    th = v2h; v2h = v2l; v2l = th;
  }

  result.hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  result.lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
}
