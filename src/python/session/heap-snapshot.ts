// A snapshot of the objects reachable from the notebook's names, for heap diagrams.
import type { PyObject } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { dictForEach, type PyDict } from "../runtime/types/dict.js";
import { PyStr } from "../runtime/types/str.js";
import { reprText } from "../runtime/abstract/object-protocol.js";
import { reportedRefcount } from "../runtime/memory/memory-reader.js";
import { PyType } from "../runtime/type.js";
import { PyModule } from "../runtime/types/module.js";
import { PyFunction } from "../runtime/types/function.js";
import { PyRaise, Unsupported, discardRaise } from "../runtime/errors.js";
import { attributesOf } from "../runtime/instance-attributes.js";

export interface HeapSnapshotData {
  readonly names: { readonly name: string; readonly object: number }[];
  readonly objects: {
    readonly id: number;
    readonly address: number;
    readonly type: string;
    readonly summary: string;
    /** Null when the simulator refuses the count (see reportedRefcount): the box says so. */
    readonly refcount: number | null;
    readonly references: { readonly label: string; readonly object: number }[];
  }[];
}

const HIDDEN_NAMES = /^(_+\d*|_i+\d*|In|Out|_ih|_oh|_dh|__\w+__|exit|quit|get_ipython)$/;
const MAX_OBJECTS = 40;

function summaryOf(object: PyObject): string {
  if (object instanceof PyType) return object.name;
  if (object instanceof PyFunction) return `${object.qualname.value}()`;
  if (object instanceof PyModule) return object.name;
  try {
    const text = reprText(object);
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  } catch (error) {
    if (error instanceof PyRaise) discardRaise(error);
    return object.type.name;
  }
}

/** The count a box shows; a count the simulator refuses is drawn unknown, not failing the cell. */
function drawnRefcount(object: PyObject): number | null {
  try {
    return reportedRefcount(object);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/** Names of the user namespace (not IPython's bookkeeping) and what they reach, breadth first. */
export function takeHeapSnapshot(namespace: PyDict): HeapSnapshotData {
  const names: { name: string; object: number }[] = [];
  const queue: PyObject[] = [];
  const seen = new Set<PyObject>();
  dictForEach(namespace, (key, value) => {
    if (!(key instanceof PyStr) || HIDDEN_NAMES.test(key.value) || value instanceof PyModule) return;
    names.push({ name: key.value, object: value.address });
    if (!seen.has(value)) {
      seen.add(value);
      queue.push(value);
    }
  });
  const objects: HeapSnapshotData["objects"] = [];
  for (let index = 0; index < queue.length && objects.length < MAX_OBJECTS; index++) {
    const object = queue[index]!;
    const references: { label: string; object: number }[] = [];
    const expand = !(object instanceof PyType) && !(object instanceof PyFunction) && !(object instanceof PyModule);
    if (expand) {
      const table = attributesOf(object)?.dict;
      if (table) {
        for (const key of table.keysInOrder()) {
          const value = table.get(key)!;
          references.push({ label: `.${(key as PyStr).value}`, object: value.address });
          if (!seen.has(value)) {
            seen.add(value);
            queue.push(value);
          }
        }
      } else {
        let position = 0;
        object.type.traverse?.(object, (child) => {
          if (child === object.type || child instanceof PyType) return;
          references.push({ label: `[${position++}]`, object: child.address });
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
        });
      }
    }
    objects.push({ id: object.address, address: object.address, type: object.type.name, summary: summaryOf(object), refcount: drawnRefcount(object), references });
  }
  void rt;
  return { names, objects };
}
