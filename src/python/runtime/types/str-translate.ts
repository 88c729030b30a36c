// str.maketrans and str.translate (unicode_maketrans_impl, _PyUnicode_TranslateCharmap).
import { checkSurrogateJoin, refuseJoinedSurrogates } from "./str-surrogates.js";
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { typeError, valueError, raisedIs, discardRaise, PyRaise } from "../errors.js";
import { PyStr, newStr } from "./str.js";
import { PyInt, newInt } from "./int.js";
import { PyDict, newDict, dictSetItem, dictForEach } from "./dict.js";
import { getItem } from "../abstract/items.js";
import { codePointsOf } from "./str-text.js";
import { toBig } from "./int-value.js";

function setCode(dict: PyDict, code: number, value: PyObject): void {
  const key = newInt(code);
  try {
    dictSetItem(dict, key, value);
  } finally {
    decref(key);
  }
}

/** str.maketrans(x[, y[, z]]): a new dict. */
export function makeTranslation(x: PyObject, y: PyObject | undefined, z: PyObject | undefined): PyObject {
  const table = newDict();
  try {
    if (y === undefined) {
      if (!(x instanceof PyDict)) throw typeError("if you give only one argument to maketrans it must be a dict");
      const entries: [PyObject, PyObject][] = [];
      dictForEach(x, (key, value) => {
        entries.push([key, value]);
      });
      for (const [key, value] of entries) {
        if (key instanceof PyStr) {
          if (key.length !== 1) throw valueError("string keys in translate table must be of length 1");
          setCode(table, key.value.codePointAt(0)!, value);
        } else if (key instanceof PyInt) {
          dictSetItem(table, key, value);
        } else {
          throw typeError("keys in translate table must be strings or integers");
        }
      }
      return table;
    }
    if (!(x instanceof PyStr)) throw typeError("first maketrans argument must be a string if there is a second argument");
    if (!(y instanceof PyStr)) throw typeError(`maketrans() argument 2 must be str, not ${y.type.name}`);
    if (z !== undefined && !(z instanceof PyStr)) throw typeError(`maketrans() argument 3 must be str, not ${z.type.name}`);
    if (x.length !== y.length) throw valueError("the first two maketrans arguments must have equal length");
    const from = codePointsOf(x.value);
    const to = codePointsOf(y.value);
    for (let i = 0; i < from.length; i++) {
      const value = newInt(to[i]!);
      try {
        setCode(table, from[i]!, value);
      } finally {
        decref(value);
      }
    }
    if (z instanceof PyStr) for (const code of codePointsOf(z.value)) setCode(table, code, rt.None);
    return table;
  } catch (error) {
    decref(table);
    throw error;
  }
}

/** mapping[code], or null when the lookup raises LookupError (the character is kept). */
function lookup(mapping: PyObject, code: number): PyObject | null {
  const key = newInt(code);
  try {
    return getItem(mapping, key);
  } catch (error) {
    if (error instanceof PyRaise && raisedIs(error, rt.exc.LookupError)) {
      discardRaise(error);
      return null;
    }
    throw error;
  } finally {
    decref(key);
  }
}

/** Whether a surrogate code point written after `result` would pair with its last unit. */
function joinsSurrogatesAround(result: string, code: number): boolean {
  return code >= 0xdc00 && result.length > 0 && result.charCodeAt(result.length - 1) >= 0xd800 && result.charCodeAt(result.length - 1) <= 0xdbff;
}

/** text.translate(mapping): a new reference. */
export function translateText(text: string, mapping: PyObject): PyObject {
  let result = "";
  for (const code of codePointsOf(text)) {
    const item = lookup(mapping, code);
    if (item === null) {
      const char = String.fromCodePoint(code);
      checkSurrogateJoin(result, char, "str.translate");
      result += char;
      continue;
    }
    try {
      if (item === rt.None) continue;
      if (item instanceof PyInt) {
        const value = toBig(item.value);
        if (value < 0n || value > 0x10ffffn) throw valueError("character mapping must be in range(0x110000)");
        if (value >= 0xd800n && value <= 0xdfffn && joinsSurrogatesAround(result, Number(value))) refuseJoinedSurrogates("str.translate");
        result += String.fromCodePoint(Number(value));
      } else if (item instanceof PyStr) {
        checkSurrogateJoin(result, item.value, "str.translate");
        result += item.value;
      } else {
        throw typeError("character mapping must return integer, None or str");
      }
    } finally {
      decref(item);
    }
  }
  return newStr(result);
}
