// Containers the simulator fills only in part: gc.get_objects() (CPython's also holds the
// kernel's ~12,000 objects), sys.modules (the kernel imported ~100 modules the simulator has
// not) and the notebook namespace (IPython's exit, quit, get_ipython, _dh, open). Membership of
// the lesson's own objects answers as CPython does, and so does iterating gc.get_objects() (its
// other objects are the kernel's, which a lesson's search skips). Whatever shows their size,
// order or whole contents would not: their length, repr/str, positions (indexing, index(),
// pop()), copies (list(), tuple(), set(), copy(), +, *), views' length and repr, and iterating
// sys.modules are refused by name where those are computed (the slots and builtins call in
// here), and so is a lookup that misses a key the simulator's part lacks.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { PyStr } from "../runtime/types/str.js";
import { PyDictView } from "../runtime/types/dict-views.js";
import { sessionNamespace } from "./namespace-generation.js";
import { IPYTHON_NAMESPACE_NAMES, ipythonNamespaceNames, isIPythonSession } from "./builtins.js";

/** IPython's names on any version, for a quick test of a missed key. */
const IPYTHON_NAMES = new Set(IPYTHON_NAMESPACE_NAMES);

/** The lists gc.get_objects() returned, while they live. */
const objectLists = new WeakSet<PyObject>();
/** Set once gc.get_objects() ran: until then no list needs the WeakSet lookup. */
let anyObjectList = false;

const OBJECT_LIST = "the list gc.get_objects() returns (CPython's also holds the kernel's objects)";
const SYS_MODULES = "sys.modules (CPython's also holds the modules the kernel imported)";
const NAMESPACE = "the notebook namespace (IPython's also holds exit, quit, get_ipython, _dh and, from IPython 8, open)";

/** Marks a list gc.get_objects() returns. */
export function markObjectList(list: PyObject): PyObject {
  objectLists.add(list);
  anyObjectList = true;
  return list;
}

/** What `value` is when it is (a view of) a container the simulator fills in part, else null. */
function partialListingOf(value: PyObject): string | null {
  if (value.type === rt.types.list) return anyObjectList && objectLists.has(value) ? OBJECT_LIST : null;
  if (value instanceof PyDictView) {
    const what = partialDictOf(value.dict);
    return what === null ? null : `the ${value.type.name} view of ${what}`;
  }
  return value.type === rt.types.dict ? partialDictOf(value) : null;
}

function partialDictOf(dict: PyObject): string | null {
  if (dict === rt.sysModulesDict) return SYS_MODULES;
  if (dict === sessionNamespace() && isIPythonSession()) return NAMESPACE;
  return null;
}

/** Ends the cell when `use` (len(), repr(), indexing, a copy, ...) of `value` would show the simulator's part only. */
export function refusePartialListing(value: PyObject, use: string): void {
  const what = partialListingOf(value);
  if (what !== null) throw new Unsupported(`${use} of ${what}`);
}

/**
 * Iterating sys.modules (or a view of it): a lesson iterates it to list module names, of which
 * CPython's has ~100 more, so iteration is refused as a whole. The notebook namespace stays
 * iterable (lessons and snippets filter it for their own names; an unfiltered listing misses
 * IPython's five), and so does the list gc.get_objects() returns (lessons search it for their
 * own objects).
 */
export function refusePartialIteration(dict: PyObject): void {
  if (dict === rt.sysModulesDict) throw new Unsupported(`iterating over ${SYS_MODULES}`);
}

/** refusePartialListing for operations on two operands (comparisons, concatenation). */
export function refusePartialOperands(left: PyObject, right: PyObject, use: string): void {
  refusePartialListing(left, use);
  refusePartialListing(right, use);
}

/**
 * A key that misses in sys.modules or, in a notebook, is one of IPython's names the simulator's
 * namespace lacks: CPython's may hold it (the ~100 modules the kernel imported: json, math, re,
 * ... depending on the IPython version; exit, open, ...), so "not there" cannot be answered.
 * Hits are right: the simulator's modules and names are CPython's objects there.
 */
export function refuseUnknownMiss(dict: PyObject, key: PyObject): void {
  if (dict === rt.sysModulesDict) {
    const name = key instanceof PyStr ? `'${key.value}'` : "a key";
    throw new Unsupported(`looking up ${name} in sys.modules, which in CPython also holds the modules the kernel imported`);
  }
  // The names first: a miss of any other key costs one Set lookup.
  if (key instanceof PyStr && IPYTHON_NAMES.has(key.value) && dict === sessionNamespace() && ipythonNamespaceNames().includes(key.value)) {
    throw new Unsupported(`looking up '${key.value}' in the notebook namespace, where IPython's value is not simulated`);
  }
}
