// Ordering between Python numbers: exact int/float comparison (float_richcompare's rules, so
// 2**53 + 1 > 2.0**53), NaN making every comparison but != false, and CompareOp application.
import { CompareOp } from "../slots.js";
import { floatToBigint } from "../format/index.js";
import { type IntValue, compare, normalize } from "./int-value.js";

/** Applies a comparison to an ordering (-1, 0, 1, or NaN for unordered). */
export function applyCompare(order: number, op: CompareOp): boolean {
  if (order !== order) return op === CompareOp.Ne;
  switch (op) {
    case CompareOp.Lt:
      return order < 0;
    case CompareOp.Le:
      return order <= 0;
    case CompareOp.Eq:
      return order === 0;
    case CompareOp.Ne:
      return order !== 0;
    case CompareOp.Gt:
      return order > 0;
    case CompareOp.Ge:
      return order >= 0;
  }
}

/** Orders an int against a double exactly; NaN when the double is NaN. */
export function compareIntFloat(integer: IntValue, float: number): number {
  // A safe integer is exactly a double, so the double comparison is exact.
  if (typeof integer === "number") return integer < float ? -1 : integer > float ? 1 : integer === float ? 0 : NaN;
  if (float !== float) return NaN;
  if (float === Infinity) return -1;
  if (float === -Infinity) return 1;
  const whole = Math.floor(float);
  const order = compare(integer, normalize(floatToBigint(whole)));
  if (order !== 0) return order;
  return whole === float ? 0 : -1;
}

/** Orders two doubles; NaN when either is NaN. */
export function compareFloats(left: number, right: number): number {
  return left < right ? -1 : left > right ? 1 : left === right ? 0 : NaN;
}
