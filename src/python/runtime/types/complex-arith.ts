// Complex arithmetic as CPython's complexobject.c computes it, operation by operation, so the
// doubles come out identical: Smith's division, c_pow through hypot/pow/atan2/exp/log/cos/sin,
// and repeated squaring for small integral exponents. Errors are returned as flags, as errno.
import { hypot } from "./libm-hypot.js";
import { atan2 } from "./libm-inverse-trig.js";
import { exp, log } from "./libm-exp-log.js";
import { sin, cos } from "./libm-trig.js";
import { floatPow, isComplexPowResult } from "../format/index.js";

export interface Complex {
  readonly real: number;
  readonly imag: number;
}

/** a / b; `divisionByZero` when b is 0 (errno EDOM). */
export function complexQuotient(a: Complex, b: Complex): Complex & { divisionByZero: boolean } {
  const absReal = b.real < 0 ? -b.real : b.real;
  const absImag = b.imag < 0 ? -b.imag : b.imag;
  if (absReal >= absImag) {
    if (absReal === 0) return { real: 0, imag: 0, divisionByZero: true };
    const ratio = b.imag / b.real;
    const denominator = b.real + b.imag * ratio;
    return { real: (a.real + a.imag * ratio) / denominator, imag: (a.imag - a.real * ratio) / denominator, divisionByZero: false };
  }
  if (absImag >= absReal) {
    const ratio = b.real / b.imag;
    const denominator = b.real * ratio + b.imag;
    return { real: (a.real * ratio + a.imag) / denominator, imag: (a.imag * ratio - a.real) / denominator, divisionByZero: false };
  }
  // At least one of b's parts is a NaN.
  return { real: NaN, imag: NaN, divisionByZero: false };
}

export function complexProduct(a: Complex, b: Complex): Complex {
  return { real: a.real * b.real - a.imag * b.imag, imag: a.real * b.imag + a.imag * b.real };
}

/** C's pow(x, y) for the cases c_pow meets (x > 0): inf on overflow, never an exception. */
function realPow(x: number, y: number): number {
  try {
    const result = floatPow(x, y);
    return isComplexPowResult(result) ? NaN : result;
  } catch {
    return Infinity;
  }
}

/**
 * a ** b by polar form; `zeroToNegative` when libm reports EDOM: a is 0 and b is negative or
 * complex, or the phase is infinite (cos/sin of an infinity), which CPython reports the same way.
 */
function complexPowGeneral(a: Complex, b: Complex): Complex & { zeroToNegative: boolean } {
  if (b.real === 0 && b.imag === 0) return { real: 1, imag: 0, zeroToNegative: false };
  if (a.real === 0 && a.imag === 0) return { real: 0, imag: 0, zeroToNegative: b.imag !== 0 || b.real < 0 };
  const magnitude = hypot(a.real, a.imag);
  let length = realPow(magnitude, b.real);
  const angle = atan2(a.imag, a.real);
  let phase = angle * b.real;
  if (b.imag !== 0) {
    length /= exp(angle * b.imag);
    phase += b.imag * log(magnitude);
  }
  const domainError = phase === Infinity || phase === -Infinity;
  return { real: length * cos(phase), imag: length * sin(phase), zeroToNegative: domainError };
}

function complexPowUnsigned(x: Complex, n: number): Complex {
  let result: Complex = { real: 1, imag: 0 };
  let power = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) result = complexProduct(result, power);
    power = complexProduct(power, power);
  }
  return result;
}

/** complex_pow without a modulus: the value, or which error CPython raises. */
export function complexPower(a: Complex, b: Complex): Complex & { error: "zero-to-negative" | "overflow" | null } {
  let result: Complex;
  if (b.imag === 0 && b.real === Math.floor(b.real) && Math.abs(b.real) <= 100) {
    const n = b.real;
    result = n > 0 ? complexPowUnsigned(a, n) : complexQuotient({ real: 1, imag: 0 }, complexPowUnsigned(a, -n));
    if (n <= 0 && (result as { divisionByZero?: boolean }).divisionByZero === true) return { real: 0, imag: 0, error: "zero-to-negative" };
  } else {
    const general = complexPowGeneral(a, b);
    if (general.zeroToNegative) return { real: 0, imag: 0, error: "zero-to-negative" };
    result = general;
  }
  const infinite = Math.abs(result.real) === Infinity || Math.abs(result.imag) === Infinity;
  return { real: result.real, imag: result.imag, error: infinite ? "overflow" : null };
}

/** abs(z): hypot with C99's infinities; `overflow` when a finite z has an infinite modulus. */
export function complexAbs(z: Complex): { value: number; overflow: boolean } {
  if (!Number.isFinite(z.real) || !Number.isFinite(z.imag)) {
    if (z.real === Infinity || z.real === -Infinity) return { value: Infinity, overflow: false };
    if (z.imag === Infinity || z.imag === -Infinity) return { value: Infinity, overflow: false };
    return { value: NaN, overflow: false };
  }
  const result = hypot(z.real, z.imag);
  return { value: result, overflow: !Number.isFinite(result) };
}
