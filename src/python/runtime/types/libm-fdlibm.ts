// expm1, log1p and the hyperbolic functions as glibc 2.36 computes them: Sun's fdlibm algorithms
// (with glibc's regrouped polynomials), which are not correctly rounded, so only the same double
// operations in the same order give CPython's results. On x86-64 with FMA, glibc runs expm1 and
// log1p built with contracted multiply-adds; the fma() calls below sit where GCC fused them
// (found by comparing with CPython 3.13 on Debian 12's glibc). exp and log come from libm-exp-log.
import { exp, log } from "./libm-exp-log.js";
import { fusedMultiplyAdd as fma } from "./libm-misc.js";

const words = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  words.setFloat64(0, x);
  return words.getInt32(0);
}

function lowWord(x: number): number {
  words.setFloat64(0, x);
  return words.getUint32(4);
}

function withHighWord(x: number, high: number): number {
  words.setFloat64(0, x);
  words.setInt32(0, high | 0);
  return words.getFloat64(0);
}

function fromWords(high: number, low: number): number {
  words.setInt32(0, high | 0);
  words.setUint32(4, low >>> 0);
  return words.getFloat64(0);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LN2 = 6.93147180559945286227e-1;
const INV_LN2 = 1.44269504088896338700e0;
const EXPM1_OVERFLOW = 7.09782712893383973096e2;
const EXPM1_Q = [1.0, -3.33333333333331316428e-2, 1.58730158725481460165e-3, -7.93650757867487942473e-5, 4.00821782732936239552e-6, -2.01099218183624371326e-7];

export function expm1(input: number): number {
  let x = input;
  let high = highWord(x);
  const negative = (high & 0x80000000) !== 0;
  high &= 0x7fffffff;
  if (high >= 0x4043687a) {
    if (high >= 0x40862e42) {
      if (high >= 0x7ff00000) {
        if (((high & 0xfffff) | lowWord(x)) !== 0) return x + x;
        return negative ? -1 : x;
      }
      if (x > EXPM1_OVERFLOW) return Infinity;
    }
    if (negative) return 1e-300 - 1;
  }
  let k: number;
  let correction = 0;
  if (high > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (high < 0x3ff0a2b2) {
      if (!negative) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = Math.trunc(fma(INV_LN2, x, negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x);
      lo = k * LN2_LO;
    }
    x = hi - lo;
    correction = hi - x - lo;
  } else if (high < 0x3c900000) {
    return x;
  } else {
    k = 0;
  }
  const halfX = 0.5 * x;
  const hxs = x * halfX;
  const r1a = fma(hxs, EXPM1_Q[1]!, EXPM1_Q[0]!);
  const h2 = hxs * hxs;
  const r2 = fma(hxs, EXPM1_Q[3]!, EXPM1_Q[2]!);
  const h4 = h2 * h2;
  const r3 = fma(hxs, EXPM1_Q[5]!, EXPM1_Q[4]!);
  const r1 = fma(h4, r3, fma(h2, r2, r1a));
  let t = fma(-r1, halfX, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - correction, -correction);
  e -= hxs;
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) {
    if (x < -0.25) return -2.0 * (e - (x + 0.5));
    return fma(2.0, x - e, 1.0);
  }
  if (k <= -2 || k > 56) {
    const y = 1.0 - (e - x);
    return withHighWord(y, highWord(y) + (k << 20)) - 1.0;
  }
  if (k < 20) {
    t = fromWords(0x3ff00000 - (0x200000 >> k), 0);
    const y = t - (e - x);
    return withHighWord(y, highWord(y) + (k << 20));
  }
  t = fromWords((0x3ff - k) << 20, 0);
  let y = x - (e + t);
  y += 1.0;
  return withHighWord(y, highWord(y) + (k << 20));
}

const LOG1P_LP = [0.0, 6.666666666666735130e-1, 3.999999999940941908e-1, 2.857142874366239149e-1, 2.222219843214978396e-1, 1.818357216161805012e-1, 1.531383769920937332e-1, 1.479819860511658591e-1];

export function log1p(x: number): number {
  const high = highWord(x);
  const magnitudeHigh = high & 0x7fffffff;
  let k = 1;
  let f = 0;
  let highOfU = 0;
  let correction = 0;
  if (high < 0x3fda827a) {
    if (magnitudeHigh >= 0x3ff00000) {
      if (x === -1.0) return -Infinity;
      return NaN;
    }
    if (magnitudeHigh < 0x3e200000) {
      if (magnitudeHigh < 0x3c900000) return x;
      return fma(-x * x, 0.5, x);
    }
    if (high > 0 || high <= (0xbfd2bec3 | 0)) {
      k = 0;
      f = x;
      highOfU = 1;
    }
  } else if (high >= 0x7ff00000) {
    return x + x;
  }
  if (k !== 0) {
    let u: number;
    if (high < 0x43400000) {
      u = 1.0 + x;
      highOfU = highWord(u);
      k = (highOfU >> 20) - 1023;
      correction = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      correction /= u;
    } else {
      u = x;
      highOfU = highWord(u);
      k = (highOfU >> 20) - 1023;
      correction = 0;
    }
    highOfU &= 0x000fffff;
    if (highOfU < 0x6a09e) {
      u = withHighWord(u, highOfU | 0x3ff00000);
    } else {
      k += 1;
      u = withHighWord(u, highOfU | 0x3fe00000);
      highOfU = (0x00100000 - highOfU) >> 2;
    }
    f = u - 1.0;
  }
  const halfF = 0.5 * f;
  const halfSquare = halfF * f;
  if (highOfU === 0) {
    if (f === 0) {
      if (k === 0) return 0;
      correction += k * LN2_LO;
      return fma(k, LN2_HI, correction);
    }
    const r = halfSquare * fma(-0.66666666666666666, f, 1.0);
    if (k === 0) return f - r;
    return fma(k, LN2_HI, -(r - fma(k, LN2_LO, correction) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const r1 = z * LOG1P_LP[1]!;
  const z2 = z * z;
  const r2 = fma(z, LOG1P_LP[3]!, LOG1P_LP[2]!);
  const z4 = z2 * z2;
  const r3 = fma(z, LOG1P_LP[5]!, LOG1P_LP[4]!);
  const z6 = z4 * z2;
  const r4 = fma(z, LOG1P_LP[7]!, LOG1P_LP[6]!);
  const r = fma(z6, r4, fma(z4, r3, fma(z2, r2, r1)));
  if (k === 0) return f - (halfSquare - s * (halfSquare + r));
  return k * LN2_HI - (halfSquare - (s * fma(halfF, f, r) + (k * LN2_LO + correction)) - f);
}

export function sinh(x: number): number {
  const signedHigh = highWord(x);
  const high = signedHigh & 0x7fffffff;
  if (high >= 0x7ff00000) return x + x;
  const half = signedHigh < 0 ? -0.5 : 0.5;
  if (high < 0x40360000) {
    if (high < 0x3e300000) return x;
    const t = expm1(Math.abs(x));
    if (high < 0x3ff00000) return half * (2.0 * t - (t * t) / (t + 1.0));
    return half * (t + t / (t + 1.0));
  }
  if (high < 0x40862e42) return half * exp(Math.abs(x));
  const low = lowWord(x);
  if (high < 0x408633ce || (high === 0x408633ce && low <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = half * w;
    return t * w;
  }
  return x * 1.0e307;
}

export function cosh(x: number): number {
  const high = highWord(x) & 0x7fffffff;
  if (high < 0x40360000) {
    if (high < 0x3fd62e43) {
      if (high < 0x3c800000) return 1.0;
      const t = expm1(Math.abs(x));
      const w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    const t = exp(Math.abs(x));
    return 0.5 * t + 0.5 / t;
  }
  if (high < 0x40862e42) return 0.5 * exp(Math.abs(x));
  const low = lowWord(x);
  if (high < 0x408633ce || (high === 0x408633ce && low <= 0x8fb9f87d)) {
    const w = exp(0.5 * Math.abs(x));
    const t = 0.5 * w;
    return t * w;
  }
  if (high >= 0x7ff00000) return x * x;
  return Infinity;
}

export function tanh(x: number): number {
  const signedHigh = highWord(x);
  const high = signedHigh & 0x7fffffff;
  if (high >= 0x7ff00000) return signedHigh >= 0 ? 1 / x + 1 : 1 / x - 1;
  let z: number;
  if (high < 0x40360000) {
    if (x === 0) return x;
    if (high < 0x3c800000) return x * (1.0 + x);
    if (high >= 0x3ff00000) {
      const t = expm1(2.0 * Math.abs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      const t = expm1(-2.0 * Math.abs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0 - 1e-300;
  }
  return signedHigh >= 0 ? z : -z;
}

export function asinh(x: number): number {
  const signedHigh = highWord(x);
  const high = signedHigh & 0x7fffffff;
  if (high >= 0x7ff00000) return x + x;
  if (high < 0x3e300000) return x;
  let w: number;
  const magnitude = Math.abs(x);
  if (high > 0x41b00000) {
    w = log(magnitude) + LN2;
  } else if (high > 0x40000000) {
    w = log(2.0 * magnitude + 1.0 / (Math.sqrt(x * x + 1.0) + magnitude));
  } else {
    const t = x * x;
    w = log1p(magnitude + t / (1.0 + Math.sqrt(1.0 + t)));
  }
  return signedHigh > 0 ? w : -w;
}

export function acosh(x: number): number {
  const high = highWord(x);
  if (high < 0x3ff00000) return NaN;
  if (high >= 0x41b00000) {
    if (high >= 0x7ff00000) return x + x;
    return log(x) + LN2;
  }
  if (((high - 0x3ff00000) | lowWord(x)) === 0) return 0;
  if (high > 0x40000000) {
    const t = x * x;
    return log(2.0 * x - 1.0 / (x + Math.sqrt(t - 1.0)));
  }
  const t = x - 1.0;
  return log1p(t + Math.sqrt(2.0 * t + t * t));
}

export function atanh(x: number): number {
  const magnitude = Math.abs(x);
  let t: number;
  if (magnitude < 0.5) {
    if (magnitude < 2 ** -28) return x;
    t = magnitude + magnitude;
    t = 0.5 * log1p(t + (t * magnitude) / (1.0 - magnitude));
  } else if (magnitude < 1.0) {
    t = 0.5 * log1p((magnitude + magnitude) / (1.0 - magnitude));
  } else {
    if (magnitude > 1.0) return NaN;
    if (x !== x) return x;
    return x / 0;
  }
  return x < 0 || (x === 0 && 1 / x < 0) ? -t : t;
}
