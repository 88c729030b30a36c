// Container-related built-in types that the bootstrap table does not list, created once per runtime on first use.
//
// (dict_reversekeyiterator & co., longrange_iterator, the str iterator a version names
// differently, …) They are ordinary static types: same construction as the bootstrap's.
import type { PyType } from "../type.js";
import type { BuiltinTypeSpec } from "../type-spec.js";
import type { Runtime } from "../runtime.js";
import { rt } from "../state.js";
import { allocateBuiltinType, completeBuiltinType } from "../type-factory.js";

const TYPE_OBJECT_SIZE = 408;
const created = new WeakMap<Runtime, Map<string, PyType>>();

/** The runtime's type for `spec` (by name), creating it the first time it is needed. */
export function lazyType(spec: BuiltinTypeSpec): PyType {
  let types = created.get(rt);
  if (types === undefined) {
    types = new Map();
    created.set(rt, types);
  }
  let type = types.get(spec.name);
  if (type === undefined) {
    type = allocateBuiltinType(spec);
    completeBuiltinType(type, spec, rt.types.object);
    rt.registerStatic(type, TYPE_OBJECT_SIZE);
    types.set(spec.name, type);
  }
  return type;
}
