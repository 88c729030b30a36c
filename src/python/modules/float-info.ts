// sys.float_info: a tuple with named fields describing the C double (binary64 on every platform
// the simulator models), shown as "sys.float_info(max=..., ...)".
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { BuiltinTypeSpec } from "../runtime/type-spec.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { newInt } from "../runtime/types/int.js";
import { newFloat } from "../runtime/types/float.js";
import { sysStructSequenceSpec } from "./struct-sequence.js";

/** The fields in order, with their binary64 values (float.h's DBL_* constants). */
const FIELDS: readonly (readonly [string, "float" | "int", number])[] = [
  ["max", "float", Number.MAX_VALUE],
  ["max_exp", "int", 1024],
  ["max_10_exp", "int", 308],
  ["min", "float", 2.2250738585072014e-308],
  ["min_exp", "int", -1021],
  ["min_10_exp", "int", -307],
  ["dig", "int", 15],
  ["mant_dig", "int", 53],
  ["epsilon", "float", Number.EPSILON],
  ["radix", "int", 2],
  ["rounds", "int", 1],
];

export function newFloatInfo(): PyObject {
  const tuple = newTupleStealing(FIELDS.map(([, kind, value]) => (kind === "float" ? newFloat(value) : newInt(value))));
  tuple.type = rt.types.float_info;
  return tuple;
}

export const FLOAT_INFO_SPEC: BuiltinTypeSpec = sysStructSequenceSpec("float_info", FIELDS.map(([field]) => field));
