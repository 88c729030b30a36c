// Containers the simulator fills only in part: gc.get_objects() (CPython's also holds the
// kernel's ~12,000 objects), sys.modules (the kernel imported ~100 modules the simulator has
// not) and the notebook namespace (IPython's exit, quit, get_ipython, _dh, open). Iterating them
// and testing membership of the lesson's own objects answers as CPython does; their length,
// repr and sorted copies would not, so the builtins that produce those refuse by name. A lookup
// that misses in sys.modules is refused where dicts answer it (dict-spec.ts refuseSysModulesMiss).
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { Unsupported } from "../runtime/errors.js";
import { sessionNamespace } from "./namespace-generation.js";
import { isIPythonSession } from "./builtins.js";

/** The lists gc.get_objects() returned, while they live. */
const objectLists = new WeakSet<PyObject>();
/** Set once gc.get_objects() ran: until then no list needs the WeakSet lookup. */
let anyObjectList = false;

/** Marks a list gc.get_objects() returns. */
export function markObjectList(list: PyObject): PyObject {
  objectLists.add(list);
  anyObjectList = true;
  return list;
}

/** Ends the cell when `use` (len(), repr(), ...) of `value` would show the simulator's part only. */
export function refusePartialListing(value: PyObject, use: string): void {
  const type = value.type;
  let what: string | null = null;
  if (type === rt.types.list) {
    if (anyObjectList && objectLists.has(value)) what = "the list gc.get_objects() returns (CPython's also holds the kernel's objects)";
  } else if (type === rt.types.dict) {
    if (value === rt.sysModulesDict) what = "sys.modules (CPython's also holds the modules the kernel imported)";
    else if (value === sessionNamespace() && isIPythonSession()) what = "the notebook namespace (IPython's also holds exit, quit, get_ipython, _dh and, from IPython 8, open)";
  }
  if (what !== null) throw new Unsupported(`${use} of ${what}`);
}
