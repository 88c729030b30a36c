// The copy module: copy() and deepcopy() with CPython's semantics (memo, __copy__/__deepcopy__,
// shared sub-objects and cycles), written in Python as CPython's copy.py is, so the copies
// allocate, reference and materialise __dict__s as CPython's do. Instances of Python classes are
// rebuilt the way object.__reduce_ex__(4) describes them (cls.__new__(cls), then the state);
// custom __reduce__/__reduce_ex__/__getnewargs__ protocols are refused.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import type { PyType } from "../runtime/type.js";
import { PyType as PyTypeClass } from "../runtime/type.js";
import { Unsupported, typeError } from "../runtime/errors.js";
import { newNone } from "../runtime/values.js";
import { newDict, dictSetItem, dictSize } from "../runtime/types/dict.js";
import { newTupleStealing } from "../runtime/types/tuple.js";
import { internName, newStr } from "../runtime/types/str.js";
import { newList } from "../runtime/types/list.js";
import { getAttr } from "../runtime/abstract/attributes.js";
import { callSpecial } from "../runtime/slot-table.js";
import { PyInstance } from "../runtime/types/instance.js";
import type { ModuleDefinition } from "./module-builder.js";
import { attributesOf } from "../runtime/instance-attributes.js";

/** The first class on the MRO that is not a Python class: the layout instances share. */
function solidBase(type: PyType): PyType {
  let current: PyType = type;
  while (current.heapType && current.base !== null) current = current.base;
  return current;
}

/** A method a Python class (not a built-in one) defines for `name`, or null. */
function pythonLevelDefinition(type: PyType, name: string): PyObject | null {
  for (const klass of type.mro) {
    if (!klass.heapType) return null;
    const value = klass.namespace.get(name);
    if (value !== undefined) return value;
  }
  return null;
}

/** Instance attributes without materialising a dict: the count of stored values. */
function instanceAttributeCount(object: PyObject): number {
  const attributes = attributesOf(object);
  if (attributes === null) return 0;
  if (attributes.dictObject !== null) return dictSize(attributes.dictObject);
  return attributes.dict?.size ?? 0;
}

/** __slots__ names of the class and its Python bases, in MRO order (copyreg._slotnames). */
function slotNames(type: PyType): string[] {
  const names: string[] = [];
  for (const klass of type.mro) {
    if (!klass.heapType) break;
    for (const name of klass.slotNames) if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * _PyObject_GetState: what object.__reduce_ex__(4) reports as an instance's state.
 * __getstate__ when the class defines one; else the __dict__ when it holds anything (reading
 * it, which makes the dict object exist as in CPython), else None; paired with a dict of the
 * set __slots__ values when there are any. New reference.
 */
function objectState(_module: PyObject, object: PyObject): PyObject {
  const getstate = pythonLevelDefinition(object.type, "__getstate__");
  if (getstate !== null) return callSpecial(object, getstate, []);
  let state: PyObject;
  if (instanceAttributeCount(object) > 0) {
    const key = internName("__dict__");
    try {
      state = getAttr(object, key);
    } finally {
      decref(key);
    }
  } else {
    state = newNone();
  }
  const names = slotNames(object.type);
  if (names.length === 0) return state;
  const slots = newDict();
  try {
    for (const name of names) {
      const key = internName(name);
      try {
        const value = object instanceof PyInstance ? object.slotValues?.get(name) : undefined;
        if (value !== undefined) dictSetItem(slots, key, value);
      } finally {
        decref(key);
      }
    }
  } catch (error) {
    decref(slots);
    decref(state);
    throw error;
  }
  if (dictSize(slots) === 0) {
    decref(slots);
    return state;
  }
  return newTupleStealing([state, slots]);
}

/**
 * How an instance of a Python class is rebuilt: "object", "list" or "dict" by the built-in
 * layout under it. Protocols the simulator does not model are refused here. New reference.
 */
function instanceKind(_module: PyObject, cls: PyObject): PyObject {
  if (!(cls instanceof PyTypeClass)) throw typeError("expected a class");
  for (const name of ["__reduce_ex__", "__reduce__", "__getnewargs__", "__getnewargs_ex__"]) {
    if (pythonLevelDefinition(cls, name) !== null) throw new Unsupported(`copying objects whose class defines ${name}`);
  }
  const base = solidBase(cls);
  const kinds = new Map<PyType, string>([
    [rt.types.object, "object"],
    [rt.types.list, "list"],
    [rt.types.dict, "dict"],
  ]);
  const kind = cls.heapType ? kinds.get(base) : undefined;
  if (kind === undefined) {
    const what = cls.heapType ? `instances of ${base.name} subclasses` : `'${cls.name}' objects`;
    throw new Unsupported(`copy of ${what}`);
  }
  return internName(kind);
}

const SOURCE = String.raw`"""Shallow (copy) and deep (deepcopy) copy operations."""

class Error(Exception):
    pass

error = Error

# copy.replace (3.13+) is not simulated; __all__ names it where CPython's does, so that
# 'from copy import *' refuses it instead of binding fewer names.
__all__ = ["Error", "copy", "deepcopy"] + _names_added_to_all

# An instance to learn the bound-method type from (types.MethodType); removed below.
class _Error_probe:
    def __init__(self):
        pass
_Error_probe = _Error_probe()


def copy(x):
    """Shallow copy of x: a new container holding the same items."""
    cls = type(x)
    copier = _shallow_copiers.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _rebuild(x, cls, None)


def _same_object(x):
    return x

def _method_again(x):
    return getattr(x.__self__, x.__func__.__name__)

_shallow_copiers = {}
for _kind in (type(None), int, float, bool, complex, str, tuple, bytes, frozenset,
              type, range, slice, property, type(len), type(Ellipsis),
              type(NotImplemented), type(_same_object), _weakref_type):
    _shallow_copiers[_kind] = _same_object
_shallow_copiers[list] = list.copy
_shallow_copiers[dict] = dict.copy
_shallow_copiers[set] = set.copy
_shallow_copiers[type(_Error_probe.__init__)] = _method_again
del _kind


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x: containers copied recursively, shared parts shared once (memo)."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    copier = _deep_copiers.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _rebuild(x, cls, memo)
    # An object that is its own copy is not remembered.
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _atomic(x, memo):
    return x

def _deep_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for item in x:
        append(deepcopy(item, memo))
    return y

def _deep_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(item, memo) for item in x]
    # A tuple met again while copying its own items has its copy in the memo already.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, y):
        if original is not copied:
            return tuple(y)
    return x

def _deep_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y

def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))

def _deep_rebuilt_from_items(x, memo):
    # set/frozenset reduce to (cls, (list(x),)): the argument tuple is copied deeply first.
    arguments = deepcopy((list(x),), memo)
    y = type(x)(*arguments)
    return y

def _deep_slice(x, memo):
    arguments = deepcopy((x.start, x.stop, x.step), memo)
    return slice(*arguments)

_deep_copiers = {}
for _kind in (type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
              bytes, str, type(_same_object.__code__), type, range, type(len),
              type(_same_object), _weakref_type, property):
    _deep_copiers[_kind] = _atomic
_deep_copiers[list] = _deep_list
_deep_copiers[tuple] = _deep_tuple
_deep_copiers[dict] = _deep_dict
_deep_copiers[type(_Error_probe.__init__)] = _deep_method
_deep_copiers[set] = _deep_rebuilt_from_items
_deep_copiers[frozenset] = _deep_rebuilt_from_items
_deep_copiers[slice] = _deep_slice
del _kind


def _keep_alive(x, memo):
    # The originals live as long as the memo, so no id in it can be reused while copying.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _rebuild(x, cls, memo):
    kind = _instance_kind(cls)
    deep = memo is not None
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    state = _object_state(x)
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for name, value in slotstate.items():
                    setattr(y, name, value)
    if kind == "list":
        for item in iter(x):
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    elif kind == "dict":
        for key, value in iter(x.items()):
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y

del _Error_probe, _weakref_type, _names_added_to_all
`;

export const COPY_MODULE: ModuleDefinition = {
  name: "copy",
  functions: [
    { name: "_object_state", kind: "one", impl: objectState },
    { name: "_instance_kind", kind: "one", impl: instanceKind },
  ],
  values: () => {
    const values = new Map<string, PyObject>();
    rt.types.weakref.refcount++;
    values.set("_weakref_type", rt.types.weakref);
    values.set("_names_added_to_all", newList(rt.profile.minor >= 13 ? [newStr("replace")] : []));
    return values;
  },
  source: SOURCE,
};

