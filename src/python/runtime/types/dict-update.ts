// Filling dicts from other objects: dict_merge (mappings), PyDict_MergeFromSeq2 (pairs), dict.update's argument rules.
import type { PyObject } from "../object.js";
import { decref } from "../object.js";
import { rt } from "../state.js";
import { PyRaise, typeError, valueError, discardRaise, attributeError } from "../errors.js";
import { getIter, iterNext } from "../abstract/iteration.js";
import { getItem } from "../abstract/items.js";
import { lookupAttr } from "../abstract/attributes.js";
import { callPositional } from "../abstract/object-protocol.js";
import { internName } from "./str.js";
import { PyDict, dictMergeDict, dictSetItem, dictGetItem, newDictPresized } from "./dict.js";
import { sequenceFast, sequenceToList } from "./list-ops.js";
import { PyList } from "./list.js";
import { tick } from "../ops/limits.js";

/** True for a dict whose iteration is the dict's own (dict_merge may then merge tables). */
function mergesAsTable(source: PyObject): source is PyDict {
  return source instanceof PyDict && source.type.iter === rt.types.dict.iter;
}

/** `o.keys()` as a list (PyMapping_Keys). */
function mappingKeys(source: PyObject): PyList {
  const name = internName("keys");
  let method: PyObject | null;
  try {
    method = lookupAttr(source, name);
  } finally {
    decref(name);
  }
  if (method === null) throw attributeError(`'${source.type.name}' object has no attribute 'keys'`);
  let keys: PyObject;
  try {
    keys = callPositional(method, []);
  } finally {
    decref(method);
  }
  try {
    if (keys.type === rt.types.list) {
      keys.refcount++;
      return keys as PyList;
    }
    const iterator = getIter(keys);
    try {
      return sequenceToList(iterator);
    } finally {
      decref(iterator);
    }
  } finally {
    decref(keys);
  }
}

/** PyDict_Merge(target, source, override): a table merge for dicts, else keys() and []. */
export function dictMerge(target: PyDict, source: PyObject, override: boolean): void {
  if (mergesAsTable(source)) {
    dictMergeDict(target, source, override);
    return;
  }
  const keys = mappingKeys(source);
  const iterator = getIter(keys);
  decref(keys);
  try {
    for (;;) {
      if (--rt.ops.steps < 0) tick();
      const key = iterNext(iterator);
      if (key === null) break;
      try {
        if (!override && dictGetItem(target, key) !== null) continue;
        const value = getItem(source, key);
        try {
          dictSetItem(target, key, value);
        } finally {
          decref(value);
        }
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(iterator);
  }
}

/** PyDict_MergeFromSeq2: each item must be a 2-sequence (key, value). */
export function dictMergeFromPairs(target: PyDict, pairs: PyObject, override: boolean): void {
  const iterator = getIter(pairs);
  try {
    for (let index = 0; ; index++) {
      if (--rt.ops.steps < 0) tick();
      const item = iterNext(iterator);
      if (item === null) break;
      try {
        let fast: PyObject & { items: PyObject[] };
        try {
          fast = sequenceFast(item, "");
        } catch (error) {
          if (error instanceof PyRaise && error.exception.type.isSubtypeOf(rt.exc.TypeError)) {
            discardRaise(error);
            throw typeError(`cannot convert dictionary update sequence element #${index} to a sequence`);
          }
          throw error;
        }
        try {
          const length = fast.items.length;
          if (length !== 2) throw valueError(`dictionary update sequence element #${index} has length ${length}; 2 is required`);
          const key = fast.items[0]!;
          const value = fast.items[1]!;
          key.refcount++;
          value.refcount++;
          try {
            if (override || dictGetItem(target, key) === null) dictSetItem(target, key, value);
          } finally {
            decref(key);
            decref(value);
          }
        } finally {
          decref(fast);
        }
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(iterator);
  }
}

/**
 * The positional argument of dict()/update()/|=: an exact dict merges (3.9+ without looking
 * for keys), an object with a `keys` attribute merges as a mapping, anything else is pairs.
 */
export function dictUpdateArg(target: PyDict, source: PyObject): void {
  if (rt.profile.minor >= 9 && source.type === rt.types.dict) {
    dictMerge(target, source, true);
    return;
  }
  const name = internName("keys");
  let keysMethod: PyObject | null;
  try {
    keysMethod = lookupAttr(source, name);
  } finally {
    decref(name);
  }
  if (keysMethod !== null) {
    decref(keysMethod);
    dictMerge(target, source, true);
    return;
  }
  dictMergeFromPairs(target, source, true);
}

/**
 * Keyword arguments of dict()/update(): up to 3.8 the call collects them into a presized
 * dict that is merged; from 3.9 each is stored in turn.
 */
export function dictUpdateKeywords(target: PyDict, names: readonly string[], values: readonly PyObject[]): void {
  if (names.length === 0) return;
  if (rt.profile.minor <= 8) {
    const keywords = newDictPresized(names.length);
    try {
      names.forEach((name, index) => {
        const key = internName(name);
        try {
          dictSetItem(keywords, key, values[index]!);
        } finally {
          decref(key);
        }
      });
      dictMerge(target, keywords, true);
    } finally {
      decref(keywords);
    }
    return;
  }
  names.forEach((name, index) => {
    const key = internName(name);
    try {
      dictSetItem(target, key, values[index]!);
    } finally {
      decref(key);
    }
  });
}
