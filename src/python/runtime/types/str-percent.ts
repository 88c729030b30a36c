// `str % args`: printf-style formatting through the formatting kernel's hooks.
import { refuseIfJoinedSurrogates } from "./str-surrogates.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyStr, newStr } from "./str.js";
import { PyTuple } from "./tuple.js";
import { PyInt } from "./int.js";
import { PyFloat } from "./float.js";
import { percentFormat, FormatError, type PercentHooks } from "../format/index.js";
import { repr, str as strOf } from "../abstract/object-protocol.js";
import { getItem } from "../abstract/items.js";
import { toBig } from "./int-value.js";
import { pyRaiseFromFormatError } from "../errors.js";
import { newNotImplemented } from "../values.js";
import { convertToInt } from "./int-spec.js";
import { convertToDouble } from "./float-spec.js";
import { indexValue } from "../abstract/conversions.js";
import { asciiOf } from "../abstract/conversions.js";

/**
 * Hooks over runtime objects; values fetched by `%(key)s` and the strs made by %s, %r and %a
 * are kept in `temporaries` until the end (the last of those strs may be the result itself).
 */
function hooks(temporaries: PyObject[], converted: Converted[]): PercentHooks<PyObject> {
  const keep = (value: PyObject, result: PyStr): string => {
    temporaries.push(result);
    converted.push({ result, fromInt: value.type === rt.types.int });
    return result.value;
  };
  return {
    str: (value) => keep(value, strOf(value)),
    repr: (value) => keep(value, repr(value)),
    ascii: (value) => keep(value, asciiOf(value)),
    typeName: (value) => value.type.name,
    intValue: (value) => (value instanceof PyInt ? toBig(value.value) : undefined),
    strValue: (value) => (value instanceof PyStr ? value.value : undefined),
    toInt: (value) => {
      if (!(value instanceof PyInt) && !(value instanceof PyFloat) && value.type.int === null && value.type.index === null) return undefined;
      const result = convertToInt(value);
      try {
        return toBig(result.value);
      } finally {
        decref(result);
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
        temporaries.push(result);
        return result;
      } finally {
        decref(keyObject);
      }
    },
  };
}

/** A str made by str(), repr() or ascii() for a conversion, and whether its argument was an exact int. */
interface Converted {
  readonly result: PyStr;
  readonly fromInt: boolean;
}

/** A lone conversion with a width or a precision. */
const WIDTH_OR_PRECISION = /\d[sra]$/;

/** One `%s`, `%r` or `%a` conversion and nothing else: optional key, flags, width and precision. */
const LONE_CONVERSION = /^%(\([^()]*\))?[-+ #0]*\d*(\.\d*)?[sra]$/;

/**
 * The object CPython's writer returns unchanged, if any: the template itself when it has no
 * conversion, or the exact str argument of a template that is one `%s` whose output is that
 * argument's whole text (no padding, no truncation: the writer's fast path).
 */
function unchangedResult(template: PyStr, args: PyObject, isTuple: boolean, text: string, fetched: readonly PyObject[], converted: readonly Converted[]): PyObject | null {
  if (text === template.value && !template.value.includes("%")) return template;
  if (!LONE_CONVERSION.test(template.value)) return null;
  // The str that str(), repr() or ascii() made is written as an object, kept when it is all the output.
  if (converted.length === 1) {
    const { result, fromInt } = converted[0]!;
    // An exact int without width or precision is written as digits, never as an object.
    if (fromInt && !WIDTH_OR_PRECISION.test(template.value)) return null;
    return result.value === text ? result : null;
  }
  // An exact str argument of %s is written itself, without a str() call.
  const argument = template.value.startsWith("%(") ? fetched[0] : isTuple ? (args as PyTuple).items[0] : args;
  if (argument !== undefined && argument.type === rt.types.str && (argument as PyStr).value === text) return argument;
  return null;
}

/** The binary `%` slot of str. */
export function strPercentFormat(template: PyObject, args: PyObject): PyObject {
  if (!(template instanceof PyStr)) return newNotImplemented();
  const isTuple = args instanceof PyTuple;
  const isMapping = !isTuple && !(args instanceof PyStr) && args.type.getitem !== null;
  const temporaries: PyObject[] = [];
  const converted: Converted[] = [];
  try {
    const text = percentFormat(
      template.value,
      isTuple ? { kind: "tuple", items: (args as PyTuple).items } : { kind: "single", value: args, isMapping },
      hooks(temporaries, converted),
      { version: rt.profile, maxStrDigits: rt.maxStrDigits },
    );
    const unchanged = unchangedResult(template, args, isTuple, text, temporaries, converted);
    if (unchanged !== null) {
      unchanged.refcount++;
      return unchanged;
    }
    return newStr(text);
  } catch (error) {
    if (error instanceof FormatError) throw pyRaiseFromFormatError(error);
    refuseIfJoinedSurrogates(error);
    throw error;
  } finally {
    for (const temporary of temporaries) decref(temporary);
  }
}
