// C99 hypot(x, y), correctly rounded: the squares are summed exactly in double-double after
// scaling by a power of two, then one square root and one final rounding.
import { fractionAndExponent } from "../format/float-bits.js";
import { add, productOfDoubles, squareRoot, roundScaled, scaleDouble } from "./libm-dd.js";

export function hypot(x: number, y: number): number {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
  if (x !== x || y !== y) return NaN;
  let larger = Math.abs(x);
  let smaller = Math.abs(y);
  if (larger < smaller) [larger, smaller] = [smaller, larger];
  if (smaller === 0) return larger;
  const [, exponent] = fractionAndExponent(larger);
  // Past 2^-60 of the larger value the smaller one cannot change the rounded result.
  if (smaller < larger * 2 ** -60) return larger;
  const scaledLarger = scaleDouble(larger, -exponent);
  const scaledSmaller = scaleDouble(smaller, -exponent);
  const sum = add(productOfDoubles(scaledLarger, scaledLarger), productOfDoubles(scaledSmaller, scaledSmaller));
  return roundScaled(squareRoot(sum), exponent);
}
