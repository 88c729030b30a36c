// repr(float) and str(float): shortest round-trip digits, exponent form outside [1e-4, 1e16).

import { floatToText } from "./float-text.js";

const REPR_OPTIONS = { addDotZero: true } as const;

/** CPython's repr(x) for a float: `1.0`, `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`. */
export function floatRepr(x: number): string {
  // Hot path. Inside [1e-4, 1e16) JavaScript's shortest form is fixed-point with the same digits
  // CPython picks (both choose the nearest shortest string), so only integers need a ".0".
  const magnitude = x < 0 ? -x : x;
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(x);
    return Number.isInteger(x) ? text + ".0" : text;
  }
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  return floatToText(x, "r", 0, REPR_OPTIONS);
}
