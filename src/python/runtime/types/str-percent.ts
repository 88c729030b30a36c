// `str % args`: printf-style formatting through the formatting kernel's hooks.
import type { PyObject } from "../object.js";
import { rt } from "../state.js";
import { PyStr, newStr } from "./str.js";
import { PyTuple } from "./tuple.js";
import { PyInt } from "./int.js";
import { PyFloat } from "./float.js";
import { percentFormat, FormatError, type PercentHooks } from "../format/index.js";
import { reprText, strText } from "../abstract/object-protocol.js";
import { getItem } from "../abstract/items.js";
import { toBig } from "./int-value.js";
import { pyRaiseFromFormatError } from "../errors.js";
import { newNotImplemented } from "../values.js";
import { convertToInt } from "./int-spec.js";
import { convertToDouble } from "./float-spec.js";
import { indexValue } from "../abstract/conversions.js";
import { asciiText } from "../abstract/conversions.js";

const HOOKS: PercentHooks<PyObject> = {
  str: strText,
  repr: reprText,
  ascii: asciiText,
  typeName: (value) => value.type.name,
  intValue: (value) => (value instanceof PyInt ? toBig(value.value) : undefined),
  strValue: (value) => (value instanceof PyStr ? value.value : undefined),
  toInt: (value) => {
    if (!(value instanceof PyInt) && !(value instanceof PyFloat) && value.type.int === null && value.type.index === null) return undefined;
    const result = convertToInt(value);
    try {
      return toBig(result.value);
    } finally {
      if (--result.refcount === 0) result.type.dealloc(result);
    }
  },
  toIndex: (value) => (value.type.index === null ? undefined : indexValue(value)),
  toFloat: (value) => {
    if (!(value instanceof PyFloat) && !(value instanceof PyInt) && value.type.float === null && value.type.index === null) return undefined;
    return convertToDouble(value);
  },
  getItem: (mapping, key) => {
    const keyObject = newStr(key);
    try {
      const result = getItem(mapping, keyObject);
      result.refcount--;
      return result;
    } finally {
      if (--keyObject.refcount === 0) keyObject.type.dealloc(keyObject);
    }
  },
};

/** The binary `%` slot of str. */
export function strPercentFormat(template: PyObject, args: PyObject): PyObject {
  if (!(template instanceof PyStr)) return newNotImplemented();
  const isTuple = args instanceof PyTuple;
  const isMapping = !isTuple && !(args instanceof PyStr) && args.type.getitem !== null;
  try {
    const text = percentFormat(
      template.value,
      isTuple ? { kind: "tuple", items: (args as PyTuple).items } : { kind: "single", value: args, isMapping },
      HOOKS,
      { version: rt.profile, maxStrDigits: rt.maxStrDigits },
    );
    return newStr(text);
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    throw error;
  }
}
