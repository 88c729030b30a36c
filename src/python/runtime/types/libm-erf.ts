// erf and erfc as glibc computes them (Sun's fdlibm rational approximations on five intervals):
// not correctly rounded, so the same operations in the same order are needed to match CPython
// 3.7+, which calls libm's erf/erfc. exp comes from libm-exp-log.
import { exp } from "./libm-exp-log.js";

const words = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  words.setFloat64(0, x);
  return words.getInt32(0);
}

function withLowWordZero(x: number): number {
  words.setFloat64(0, x);
  words.setUint32(4, 0);
  return words.getFloat64(0);
}

const TINY = 1e-300;
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const PP = [1.28379167095512558561e-1, -3.25042107247001499370e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5];
const QQ = [0.0, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.96022827877536812320e-6];
const PA = [-2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2, -2.16637559486879084300e-3];
const QA = [0.0, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.19844998467991074170e-2];
const RA = [-9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592e0];
const SA = [0.0, 1.96512716674392571292e1, 1.37657754143519042600e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2, 6.57024977031928170135e0, -6.04244152148580987438e-2];
const RB = [-9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3, -4.83519191608651397019e2];
const SB = [0.0, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2, -2.24409524465858183362e1];

/** y = r/s of the [0, 0.84375) approximation. */
function smallRatio(z: number): number {
  const r1 = PP[0]! + z * PP[1]!;
  const z2 = z * z;
  const r2 = PP[2]! + z * PP[3]!;
  const z4 = z2 * z2;
  const s1 = 1.0 + z * QQ[1]!;
  const s2 = QQ[2]! + z * QQ[3]!;
  const s3 = QQ[4]! + z * QQ[5]!;
  const r = r1 + z2 * r2 + z4 * PP[4]!;
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** P/Q of the [0.84375, 1.25) approximation, s = |x| - 1. */
function middleRatio(s: number): number {
  const p1 = PA[0]! + s * PA[1]!;
  const s2 = s * s;
  const q1 = 1.0 + s * QA[1]!;
  const s4 = s2 * s2;
  const p2 = PA[2]! + s * PA[3]!;
  const s6 = s4 * s2;
  const q2 = QA[2]! + s * QA[3]!;
  const p3 = PA[4]! + s * PA[5]!;
  const q3 = QA[4]! + s * QA[5]!;
  const p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6]!;
  const q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6]!;
  return p / q;
}

/** exp(-x^2 - 0.5625 + R/S) for |x| >= 1.25, with x^2 split exactly as fdlibm does. */
function tail(x: number, below: boolean): number {
  const s = 1.0 / (x * x);
  let bigR: number;
  let bigS: number;
  if (below) {
    const r1 = RA[0]! + s * RA[1]!;
    const s2 = s * s;
    const t1 = 1.0 + s * SA[1]!;
    const s4 = s2 * s2;
    const r2 = RA[2]! + s * RA[3]!;
    const s6 = s4 * s2;
    const t2 = SA[2]! + s * SA[3]!;
    const s8 = s4 * s4;
    const r3 = RA[4]! + s * RA[5]!;
    const t3 = SA[4]! + s * SA[5]!;
    const r4 = RA[6]! + s * RA[7]!;
    const t4 = SA[6]! + s * SA[7]!;
    bigR = r1 + s2 * r2 + s4 * r3 + s6 * r4;
    bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[8]!;
  } else {
    const r1 = RB[0]! + s * RB[1]!;
    const s2 = s * s;
    const t1 = 1.0 + s * SB[1]!;
    const s4 = s2 * s2;
    const r2 = RB[2]! + s * RB[3]!;
    const s6 = s4 * s2;
    const t2 = SB[2]! + s * SB[3]!;
    const r3 = RB[4]! + s * RB[5]!;
    const t3 = SB[4]! + s * SB[5]!;
    const t4 = SB[6]! + s * SB[7]!;
    bigR = r1 + s2 * r2 + s4 * r3 + s6 * RB[6]!;
    bigS = t1 + s2 * t2 + s4 * t3 + s6 * t4;
  }
  const z = withLowWordZero(x);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + bigR / bigS);
}

export function erf(x: number): number {
  const signedHigh = highWord(x);
  const high = signedHigh & 0x7fffffff;
  if (high >= 0x7ff00000) return (signedHigh < 0 ? -1 : 1) + 1.0 / x;
  if (high < 0x3feb0000) {
    if (high < 0x3e300000) {
      if (high < 0x00800000) return 0.0625 * (16.0 * x + 16.0 * EFX * x);
      return x + EFX * x;
    }
    return x + x * smallRatio(x * x);
  }
  if (high < 0x3ff40000) {
    const ratio = middleRatio(Math.abs(x) - 1.0);
    return signedHigh >= 0 ? ERX + ratio : -ERX - ratio;
  }
  if (high >= 0x40180000) return signedHigh >= 0 ? 1.0 - TINY : TINY - 1.0;
  const magnitude = Math.abs(x);
  const r = tail(magnitude, high < 0x4006db6e);
  return signedHigh >= 0 ? 1.0 - r / magnitude : r / magnitude - 1.0;
}

export function erfc(x: number): number {
  const signedHigh = highWord(x);
  const high = signedHigh & 0x7fffffff;
  if (high >= 0x7ff00000) return (signedHigh < 0 ? 2 : 0) + 1.0 / x;
  if (high < 0x3feb0000) {
    if (high < 0x3c700000) return 1.0 - x;
    const y = smallRatio(x * x);
    if (signedHigh < 0x3fd00000) return 1.0 - (x + x * y);
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (high < 0x3ff40000) {
    const ratio = middleRatio(Math.abs(x) - 1.0);
    if (signedHigh >= 0) return 1.0 - ERX - ratio;
    return 1.0 + (ERX + ratio);
  }
  if (high < 0x403c0000) {
    if (signedHigh < 0 && high >= 0x40180000 && high >= 0x4006db6d) return 2.0 - TINY;
    const magnitude = Math.abs(x);
    const r = tail(magnitude, high < 0x4006db6d);
    return signedHigh > 0 ? r / magnitude : 2.0 - r / magnitude;
  }
  return signedHigh > 0 ? TINY * TINY : 2.0 - TINY;
}
