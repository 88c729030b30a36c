// The bool type: the two singletons, their reprs, and & | ^ that stay bool between bools.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import { BinaryOp } from "../type.js";
import { splitArgs } from "../spec-helpers.js";
import { boolRepr } from "./bool-repr.js";
import { PyInt, newInt } from "./int.js";
import * as value from "./int-value.js";
import { newBool } from "../values.js";
import { isTrue } from "../abstract/truth.js";
import { Unsupported } from "../errors.js";
import { INT_BINARY } from "./int-binary.js";
import { numberFeatures } from "./number-features.js";
import { tooManyArgumentsExpected, noKeywordArguments } from "./number-args.js";

function boolBinary(op: BinaryOp.And | BinaryOp.Or | BinaryOp.Xor) {
  const fallback = INT_BINARY.get(op)!;
  return (a: PyObject, b: PyObject): PyObject => {
    if ((a === rt.True || a === rt.False) && (b === rt.True || b === rt.False)) {
      const x = a === rt.True;
      const y = b === rt.True;
      return newBool(op === BinaryOp.And ? x && y : op === BinaryOp.Or ? x || y : x !== y);
    }
    return fallback(a, b);
  };
}

const BOOL_SLOTS: BuiltinTypeSpec["slots"] & object = {
  dealloc: (self) => {
    throw new Error(`simulator bug: the refcount of ${self === rt.True ? "True" : "False"} reached zero`);
  },
  repr: (self) => boolRepr(self === rt.True),
  invert: (self) => {
    // 3.12+ warns (DeprecationWarning) before inverting; the simulator cannot show warnings.
    if (numberFeatures(rt.profile).boolInvertWarns) throw new Unsupported("the DeprecationWarning of ~ on a bool");
    return newInt(value.invert((self as PyInt).value));
  },
  new_: (_type, args) => {
    const { positional, keywords } = splitArgs(args);
    if (keywords.size > 0) {
      // 3.6 still accepted bool(x=...).
      if (rt.profile.minor > 6 || positional.length > 0 || !keywords.has("x") || keywords.size > 1) throw noKeywordArguments("bool");
      return newBool(isTrue(keywords.get("x")!));
    }
    if (positional.length > 1) throw tooManyArgumentsExpected("bool", 1, positional.length);
    return newBool(positional.length === 1 && isTrue(positional[0]!));
  },
};

const { invert: _ownInvert, ...BOOL_SLOTS_WITHOUT_INVERT } = BOOL_SLOTS;
/** 3.6–3.7: bool's tp_str was its repr function too, so vars(bool) lists __str__. */
const BOOL_SLOTS_WITH_STR = { ...BOOL_SLOTS_WITHOUT_INVERT, str: BOOL_SLOTS.repr };

export const BOOL_SPEC: BuiltinTypeSpec = {
  name: "bool",
  base: "int",
  layout: { basicSize: 24, itemSize: 4, gc: false, preHeader: false },
  subclassable: false,
  // bool has its own nb_invert from 3.12 (it warns); before, int's is inherited.
  get slots() {
    if (rt.profile.minor <= 7) return BOOL_SLOTS_WITH_STR;
    return numberFeatures(rt.profile).boolInvertWarns ? BOOL_SLOTS : BOOL_SLOTS_WITHOUT_INVERT;
  },
  binary: new Map([
    [BinaryOp.And, boolBinary(BinaryOp.And)],
    [BinaryOp.Or, boolBinary(BinaryOp.Or)],
    [BinaryOp.Xor, boolBinary(BinaryOp.Xor)],
  ]),
};
