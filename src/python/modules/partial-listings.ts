// Containers the simulator fills only in part: gc.get_objects() (CPython's also holds the
// kernel's ~12,000 objects), sys.modules (the kernel imported ~100 modules the simulator has
// not) and the notebook namespace (IPython's exit, quit, get_ipython, _dh, open). Iterating them
// and testing membership of the lesson's own objects answers as CPython does; their length,
// repr and sorted copies would not, so the builtins that produce those refuse by name.
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

/** What `value` is when it is a partial listing, else null. */
function partialListingName(value: PyObject): string | null {
  if (value === rt.sysModulesDict) return "sys.modules (CPython's also holds the modules the kernel imported)";
  if (anyObjectList && objectLists.has(value)) return "the list gc.get_objects() returns (CPython's also holds the kernel's objects)";
  if (value === sessionNamespace() && isIPythonSession()) return "the notebook namespace (IPython's also holds exit, quit, get_ipython, _dh and, from IPython 8, open)";
  return null;
}

/** Ends the cell when `use` (len(), repr(), ...) of `value` would show the simulator's part only. */
export function refusePartialListing(value: PyObject, use: string): void {
  if (value.type !== rt.types.list && value.type !== rt.types.dict) return;
  const name = partialListingName(value);
  if (name !== null) throw new Unsupported(`${use} of ${name}`);
}
