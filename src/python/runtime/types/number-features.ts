// Which number and math behaviours exist in which CPython version, as one record per profile.
//
// Everything version-dependent about int/float/complex and the math module reads a field here,
// so no other number file compares version numbers. (Candidates to move into Profile.)
import type { Profile } from "../../profiles/profile.js";

export interface NumberFeatures {
  /** int.as_integer_ratio (3.8+). */
  readonly intAsIntegerRatio: boolean;
  /** int.bit_count (3.10+). */
  readonly intBitCount: boolean;
  /** int.is_integer (3.12+). */
  readonly intIsInteger: boolean;
  /** float.__floor__ / float.__ceil__ (3.9+). */
  readonly floatFloorCeil: boolean;
  /** to_bytes(length=1, byteorder='big') and from_bytes(byteorder='big') defaults (3.11+). */
  readonly bytesConversionDefaults: boolean;
  /** 3.12+: `~` on a bool emits a DeprecationWarning, which the simulator cannot show. */
  readonly boolInvertWarns: boolean;
  /** ≤3.9: complex defines //, % and divmod only to raise "can't take floor ..." TypeErrors. */
  readonly complexFloorMethods: boolean;
  /** ≤3.6: a shift count past ssize_t overflows even for >>; 3.7+ saturates right shifts. */
  readonly shiftCountOverflowsSsize: boolean;
  /** int() and float() fall back to __index__ (3.8+). */
  readonly intFallsBackToIndex: boolean;
  /** int() calls __trunc__: silently (≤3.10), with a DeprecationWarning (3.11–3.13), never (3.14). */
  readonly intTruncDelegation: "silent" | "warns" | "none";
  /** ≤3.9: complex has __int__/__float__ slots that raise "can't convert complex to int/float". */
  readonly complexConversionSlots: boolean;
  /** complex.__complex__ (3.11+). */
  readonly complexDunderComplex: boolean;
  /** "real number" (3.10+) or "number" in int()/float() type errors. */
  readonly realNumberWording: boolean;
  /** How argument-count errors of C functions are worded. */
  readonly argumentClinic: "3.6" | "3.7" | "3.8+";
  /** math functions name themselves "math.sqrt()" in arity errors (3.9+). */
  readonly qualifiedMathArityErrors: boolean;

  // ---- math module members by version
  /** math.isqrt, prod, comb, perm, dist; hypot with any number of arguments (3.8+). */
  readonly math38: boolean;
  /** math.lcm, nextafter, ulp; gcd with any number of arguments (3.9+). */
  readonly math39: boolean;
  /** math.cbrt, exp2 (3.11+). */
  readonly math311: boolean;
  /** math.sumprod (3.12+). */
  readonly math312: boolean;
  /** math.fma (3.13+). */
  readonly math313: boolean;
  /** math.remainder (3.7+). */
  readonly mathRemainder: boolean;
  /** math.pow(0.0, -inf) raises "math domain error" (≤3.10) instead of returning inf. */
  readonly mathZeroToNegativeInfinityFails: boolean;
  /** math.hypot / dist use the 3.10 correctly rounded algorithm (3.8–3.9 had a simpler one). */
  readonly preciseHypot: boolean;
  /** math.factorial of a float: accepted (≤3.8), with a DeprecationWarning (3.9), refused (3.10+). */
  readonly factorialFloats: "accept" | "warn" | "reject";
  /** math.erf/erfc are CPython's own series (3.6) rather than libm's. */
  readonly ownErf: boolean;
  /** "can't convert complex to float" (≤3.9) vs "must be real number, not complex". */
  readonly complexToFloatWording: "convert" | "real";
  /** 3.12+: builtin sum() of floats is compensated (not this module's, but math.fsum tests it). */
  readonly compensatedSum: boolean;
  /** 3.14: float and int division errors say "division by zero" / "zero to a negative power". */
  readonly unifiedZeroDivision: boolean;

  // ---- which int results come from the small-int cache
  /** PyLong_FromDouble (round(), math.floor/ceil of a float) returns cached small ints (3.9+; before, only 0). */
  readonly smallIntsFromDouble: boolean;
  /** int.from_bytes of a non-empty byte string returns cached small ints (3.11+). */
  readonly smallIntsFromBytes: boolean;
  /** A small difference of multi-digit ints (x_sub) is the cached int (3.9+), not a new object. */
  readonly smallIntsFromMultiDigitSub: boolean;
  /** A small remainder of a division by a multi-digit int (x_divrem) is the cached int (3.11+). */
  readonly smallIntsFromMultiDigitRemainder: boolean;
}

const cache = new WeakMap<Profile, NumberFeatures>();

function build(profile: Profile): NumberFeatures {
  const minor = profile.minor;
  return {
    intAsIntegerRatio: minor >= 8,
    intBitCount: minor >= 10,
    intIsInteger: minor >= 12,
    floatFloorCeil: minor >= 9,
    smallIntsFromDouble: minor >= 9,
    smallIntsFromBytes: minor >= 11,
    smallIntsFromMultiDigitSub: minor >= 9,
    smallIntsFromMultiDigitRemainder: minor >= 11,
    bytesConversionDefaults: minor >= 11,
    boolInvertWarns: minor >= 12,
    complexFloorMethods: minor <= 9,
    shiftCountOverflowsSsize: minor <= 6,
    intFallsBackToIndex: minor >= 8,
    intTruncDelegation: minor <= 10 ? "silent" : minor <= 13 ? "warns" : "none",
    complexConversionSlots: minor <= 9,
    complexDunderComplex: minor >= 11,
    realNumberWording: minor >= 10,
    argumentClinic: minor <= 6 ? "3.6" : minor === 7 ? "3.7" : "3.8+",
    qualifiedMathArityErrors: minor >= 9,
    math38: minor >= 8,
    math39: minor >= 9,
    math311: minor >= 11,
    math312: minor >= 12,
    math313: minor >= 13,
    mathRemainder: minor >= 7,
    mathZeroToNegativeInfinityFails: minor <= 10,
    preciseHypot: minor >= 10,
    factorialFloats: minor <= 8 ? "accept" : minor === 9 ? "warn" : "reject",
    ownErf: minor <= 6,
    complexToFloatWording: minor <= 9 ? "convert" : "real",
    compensatedSum: minor >= 12,
    unifiedZeroDivision: minor >= 14,
  };
}

/** The number features of a profile (computed once per profile). */
export function numberFeatures(profile: Profile): NumberFeatures {
  let features = cache.get(profile);
  if (features === undefined) {
    features = build(profile);
    cache.set(profile, features);
  }
  return features;
}
