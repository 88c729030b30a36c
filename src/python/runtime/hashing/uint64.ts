// Unsigned 64-bit arithmetic on two 32-bit halves, so hashing never allocates bigints per step.

const TWO_POW_32 = 4294967296;

// A bigint <-> uint32 halves bridge through one 8-byte buffer: a typed-array store wraps
// modulo 2**64 without bigint arithmetic (much cheaper than & and >> on bigints).
const bigintCell = new BigInt64Array(1);
const halfCells = new Uint32Array(bigintCell.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;

/**
 * A mutable 64-bit register (C's `Py_uhash_t`): `hi` and `lo` are always uint32 numbers.
 * Every operation wraps modulo 2**64, as unsigned C arithmetic does; methods return `this`
 * so a computation reads like the C expression it mirrors.
 */
export class Uint64 {
  hi = 0;
  lo = 0;

  set(hi: number, lo: number): this {
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
    return this;
  }

  /** Loads a signed or unsigned integral value (a safe-integer number or any bigint). */
  load(value: bigint | number): this {
    if (typeof value === "number") {
      // ToUint32 is the value modulo 2**32, and the floor division gives the two's-complement
      // high word, for negative safe integers too.
      this.lo = value >>> 0;
      this.hi = Math.floor(value / TWO_POW_32) >>> 0;
    } else {
      bigintCell[0] = value;
      this.lo = halfCells[LOW]!;
      this.hi = halfCells[HIGH]!;
    }
    return this;
  }

  copyFrom(other: Uint64): this {
    this.hi = other.hi;
    this.lo = other.lo;
    return this;
  }

  add(hi: number, lo: number): this {
    const lowSum = this.lo + (lo >>> 0);
    this.hi = (this.hi + (hi >>> 0) + (lowSum > 0xffffffff ? 1 : 0)) >>> 0;
    this.lo = lowSum >>> 0;
    return this;
  }

  xor(hi: number, lo: number): this {
    this.hi = (this.hi ^ hi) >>> 0;
    this.lo = (this.lo ^ lo) >>> 0;
    return this;
  }

  /** The low 64 bits of the product, from 16-bit limbs so every partial product is exact. */
  mul(hi: number, lo: number): this {
    const aLo = this.lo;
    const aHi = this.hi;
    const bLo = lo >>> 0;
    const a0 = aLo & 0xffff;
    const a1 = aLo >>> 16;
    const b0 = bLo & 0xffff;
    const b1 = bLo >>> 16;
    const p00 = a0 * b0;
    const p01 = a0 * b1;
    const p10 = a1 * b0;
    const p11 = a1 * b1;
    const middle = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const resultLo = (((middle & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
    const carry = (middle >>> 16) + (p01 >>> 16) + (p10 >>> 16) + p11;
    this.hi = (carry + Math.imul(aLo, hi) + Math.imul(aHi, bLo)) >>> 0;
    this.lo = resultLo;
    return this;
  }

  /** Rotates left by 0 < bits < 64. */
  rotl(bits: number): this {
    if (bits >= 32) {
      const swap = this.hi;
      this.hi = this.lo;
      this.lo = swap;
      bits -= 32;
    }
    if (bits > 0) {
      const hi = this.hi;
      const lo = this.lo;
      this.hi = ((hi << bits) | (lo >>> (32 - bits))) >>> 0;
      this.lo = ((lo << bits) | (hi >>> (32 - bits))) >>> 0;
    }
    return this;
  }

  /** Logical shift right by 0 <= bits < 64. */
  shr(bits: number): this {
    if (bits >= 32) {
      this.lo = this.hi >>> (bits - 32);
      this.hi = 0;
    } else if (bits > 0) {
      this.lo = ((this.lo >>> bits) | (this.hi << (32 - bits))) >>> 0;
      this.hi = this.hi >>> bits;
    }
    return this;
  }

  /** Shift left by 0 <= bits < 64. */
  shl(bits: number): this {
    if (bits >= 32) {
      this.hi = (this.lo << (bits - 32)) >>> 0;
      this.lo = 0;
    } else if (bits > 0) {
      this.hi = ((this.hi << bits) | (this.lo >>> (32 - bits))) >>> 0;
      this.lo = (this.lo << bits) >>> 0;
    }
    return this;
  }

  /** True when the register holds (Py_uhash_t)-1, CPython's reserved error value. */
  isAllOnes(): boolean {
    return this.hi === 0xffffffff && this.lo === 0xffffffff;
  }

  /** The value read as a signed 64-bit integer (C's `Py_hash_t`). */
  toSigned(): bigint {
    return signedFromHalves(this.hi, this.lo);
  }
}

/** Signed 64-bit value from uint32 halves, as a bigint. */
export function signedFromHalves(hi: number, lo: number): bigint {
  halfCells[LOW] = lo;
  halfCells[HIGH] = hi;
  return bigintCell[0]!;
}
