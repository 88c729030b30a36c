// math.gamma, lgamma (CPython's own Lanczos code, operation for operation), erf and erfc
// (CPython's series and continued fraction in 3.6; libm's fdlibm ones from 3.7).
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { MethodDef } from "../runtime/method-def.js";
import { newFloat } from "../runtime/types/float.js";
import { numberFeatures } from "../runtime/types/number-features.js";
import { exp, log } from "../runtime/types/libm-exp-log.js";
import { sin, cos } from "../runtime/types/libm-trig.js";
import { cPow } from "../runtime/types/libm-misc.js";
import { erf, erfc } from "../runtime/types/libm-erf.js";
import { oneArgument, real, domainError, rangeError } from "./math-args.js";

const PI = 3.141592653589793;
const LOG_PI = 1.1447298858494002;
const SQRT_PI = 1.772453850905516;
const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUMERATOR = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DENOMINATOR = [0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0];
/** Gamma of 1..23, exact as doubles. */
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
  1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
  51090942171709440000.0, 1124000727777607680000.0,
];

/** sin(pi * x) accurately near integers (m_sinpi). */
function sinPi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0:
      r = sin(PI * y);
      break;
    case 1:
      r = cos(PI * (y - 0.5));
      break;
    case 2:
      r = sin(PI * (1.0 - y));
      break;
    case 3:
      r = -cos(PI * (y - 1.5));
      break;
    default:
      r = sin(PI * (y - 2.0));
  }
  return (x < 0 || (x === 0 && 1 / x < 0) ? -1 : 1) * r;
}

function lanczosSum(x: number): number {
  let numerator = 0.0;
  let denominator = 0.0;
  if (x < 5.0) {
    for (let index = LANCZOS_NUMERATOR.length - 1; index >= 0; index--) {
      numerator = numerator * x + LANCZOS_NUMERATOR[index]!;
      denominator = denominator * x + LANCZOS_DENOMINATOR[index]!;
    }
  } else {
    for (let index = 0; index < LANCZOS_NUMERATOR.length; index++) {
      numerator = numerator / x + LANCZOS_NUMERATOR[index]!;
      denominator = denominator / x + LANCZOS_DENOMINATOR[index]!;
    }
  }
  return numerator / denominator;
}

/** m_tgamma; "domain" and "range" stand for errno EDOM and ERANGE. */
function tgamma(x: number): number | "domain" | "range" {
  if (!Number.isFinite(x)) {
    if (x !== x || x > 0) return x;
    return "domain";
  }
  if (x === 0) return "domain";
  if (x === Math.floor(x)) {
    if (x < 0) return "domain";
    if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[x - 1]!;
  }
  const absX = Math.abs(x);
  if (absX < 1e-20) {
    const r = 1.0 / x;
    return Number.isFinite(r) ? r : "range";
  }
  if (absX > 200.0) {
    if (x < 0) return 0.0 / sinPi(x);
    return "range";
  }
  const y = absX + LANCZOS_G_MINUS_HALF;
  let z: number;
  if (absX > LANCZOS_G_MINUS_HALF) {
    const q = y - absX;
    z = q - LANCZOS_G_MINUS_HALF;
  } else {
    const q = y - LANCZOS_G_MINUS_HALF;
    z = q - absX;
  }
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = (((-PI / sinPi(absX)) / absX) * exp(y)) / lanczosSum(absX);
    r -= z * r;
    if (absX < 140.0) r /= cPow(y, absX - 0.5);
    else {
      const halfPower = cPow(y, absX / 2.0 - 0.25);
      r /= halfPower;
      r /= halfPower;
    }
  } else {
    r = lanczosSum(absX) / exp(y);
    r += z * r;
    if (absX < 140.0) r *= cPow(y, absX - 0.5);
    else {
      const halfPower = cPow(y, absX / 2.0 - 0.25);
      r *= halfPower;
      r *= halfPower;
    }
  }
  return Number.isFinite(r) ? r : "range";
}

/** m_lgamma. */
function lgamma(x: number): number | "domain" | "range" {
  if (!Number.isFinite(x)) return x !== x ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) return x <= 0.0 ? "domain" : 0.0;
  const absX = Math.abs(x);
  if (absX < 1e-20) return -log(absX);
  let r = log(lanczosSum(absX)) - LANCZOS_G;
  r += (absX - 0.5) * (log(absX + LANCZOS_G - 0.5) - 1);
  if (x < 0.0) r = LOG_PI - log(Math.abs(sinPi(absX))) - log(absX) - r;
  return Number.isFinite(r) ? r : "range";
}

/** math_1a: errno EDOM is a domain error, ERANGE an overflow unless the result is tiny. */
function special(name: string, func: (x: number) => number | "domain" | "range"): MethodDef {
  return oneArgument(name, (argument: PyObject) => {
    const result = func(real(argument));
    if (result === "domain") throw domainError();
    if (result === "range") throw rangeError();
    return newFloat(result);
  });
}

// ---- erf and erfc

const ERF_SERIES_CUTOFF = 1.5;
const ERF_SERIES_TERMS = 25;
const ERFC_CONTFRAC_CUTOFF = 30.0;
const ERFC_CONTFRAC_TERMS = 50;

/** 3.6's m_erf_series. */
function erfSeries36(x: number): number {
  const square = x * x;
  let accumulator = 0.0;
  let fk = ERF_SERIES_TERMS + 0.5;
  for (let index = 0; index < ERF_SERIES_TERMS; index++) {
    accumulator = 2.0 + (square * accumulator) / fk;
    fk -= 1.0;
  }
  return (accumulator * x * exp(-square)) / SQRT_PI;
}

/** 3.6's m_erfc_contfrac (x >= 0). */
function erfcContinuedFraction36(x: number): number {
  if (x >= ERFC_CONTFRAC_CUTOFF) return 0.0;
  const square = x * x;
  let a = 0.0;
  let da = 0.5;
  let p = 1.0;
  let pLast = 0.0;
  let q = da + square;
  let qLast = 1.0;
  for (let index = 0; index < ERFC_CONTFRAC_TERMS; index++) {
    a += da;
    da += 2.0;
    const b = da + square;
    let temp = p;
    p = b * p - a * pLast;
    pLast = temp;
    temp = q;
    q = b * q - a * qLast;
    qLast = temp;
  }
  return ((p / q) * x * exp(-square)) / SQRT_PI;
}

function erf36(x: number): number {
  if (x !== x) return x;
  const absX = Math.abs(x);
  if (absX < ERF_SERIES_CUTOFF) return erfSeries36(x);
  const cf = erfcContinuedFraction36(absX);
  return x > 0.0 ? 1.0 - cf : cf - 1.0;
}

function erfc36(x: number): number {
  if (x !== x) return x;
  const absX = Math.abs(x);
  if (absX < ERF_SERIES_CUTOFF) return 1.0 - erfSeries36(x);
  const cf = erfcContinuedFraction36(absX);
  return x > 0.0 ? cf : 2.0 - cf;
}

export function specialFunctions(): MethodDef[] {
  const own = numberFeatures(rt.profile).ownErf;
  return [
    special("gamma", tgamma),
    special("lgamma", lgamma),
    special("erf", own ? erf36 : erf),
    special("erfc", own ? erfc36 : erfc),
  ];
}
