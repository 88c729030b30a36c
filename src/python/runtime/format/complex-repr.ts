// repr(complex): `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)` as complex_repr writes them.

import { floatToText } from "./float-text.js";

const SIGNED = { alwaysSign: true } as const;

/** repr of complex(real, imag): parts in shortest form without ".0"; no parentheses when real is +0.0. */
export function complexRepr(real: number, imag: number): string {
  if (real === 0 && 1 / real > 0) return floatToText(imag, "r", 0) + "j";
  return "(" + floatToText(real, "r", 0) + floatToText(imag, "r", 0, SIGNED) + "j)";
}
