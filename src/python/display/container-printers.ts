// IPython's printers for tuples and lists, sets and frozensets (sorted when sortable), and
// dicts and mapping proxies: one group per container, items separated by "," and a breakable.
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { getItem, length } from "../runtime/abstract/items.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { PyList, newListStealing } from "../runtime/types/list.js";
import { PyMappingProxy } from "../runtime/types/mappingproxy.js";
import type { Printer } from "./printer-tables.js";
import { builtinNamed, callWith, exceptException, forEachItem } from "./python-access.js";
import { pythonLength } from "./layout.js";

/** `_seq_pprinter_factory(start, end)`. */
export function printSequence(start: string, end: string): Printer {
  return (value, printer, cycle) => {
    if (cycle) {
      printer.text(`${start}...${end}`);
      return;
    }
    const step = pythonLength(start);
    printer.beginGroup(step, start);
    printer.enumerate(value, (item, index) => {
      if (index > 0) {
        printer.text(",");
        printer.breakable();
      }
      printer.pretty(item);
    });
    // A one-item tuple keeps its comma (len() is asked even of lists, as IPython does).
    if (length(value) === 1 && value.type.isSubtypeOf(rt.types.tuple)) printer.text(",");
    printer.endGroup(step, end);
  };
}

/** `_set_pprinter_factory(start, end)`. */
export function printSet(start: string, end: string): Printer {
  return (value, printer, cycle) => {
    if (cycle) {
      printer.text(`${start}...${end}`);
      return;
    }
    const size = length(value);
    if (size === 0) {
      printer.text(`${value.type.name}()`);
      return;
    }
    const step = pythonLength(start);
    printer.beginGroup(step, start);
    const show = (item: PyObject, index: number): void => {
      if (index > 0) {
        printer.text(",");
        printer.breakable();
      }
      printer.pretty(item);
    };
    // Like dict keys, sets are sorted for display unless they are too long to bother.
    if (!(printer.maxSeqLength > 0 && size >= printer.maxSeqLength)) {
      const items = sortedForDisplay(value);
      try {
        printer.enumerateItems(items.items, show);
      } finally {
        decref(items);
      }
    } else {
      printer.enumerate(value, show);
    }
    printer.endGroup(step, end);
  };
}

/**
 * `_sorted_for_pprint`: `sorted(items)`, else `sorted(items, key=str)`, else the items in
 * iteration order. The builtin `sorted` does the sorting, so comparisons run as in Python.
 */
function sortedForDisplay(iterable: PyObject): PyList {
  const items: PyObject[] = [];
  forEachItem(iterable, (item) => {
    item.refcount++;
    items.push(item);
  });
  const list = newListStealing(items);
  try {
    const sorted = builtinNamed("sorted");
    const result = exceptException(
      () => callWith(sorted, [list]),
      () => exceptException(() => callWith(sorted, [list], [["key", rt.types.str]]), () => (list.refcount++, list)),
    );
    if (!(result instanceof PyList)) throw new Error("simulator bug: sorted() did not return a list");
    return result;
  } finally {
    decref(list);
  }
}

/** `_dict_pprinter_factory(start, end)`: keys from `obj.keys()`, values from `obj[key]`. */
export function printMapping(start: string, end: string): Printer {
  return (value, printer, cycle) => {
    if (cycle) {
      printer.text("{...}");
      return;
    }
    const step = pythonLength(start);
    printer.beginGroup(step, start);
    // mappingproxy.keys() is the underlying mapping's keys(); asked of the mapping directly.
    const keysOwner = value instanceof PyMappingProxy ? value.mapping : value;
    const keysMethod = getAttrString(keysOwner, "keys");
    let keys: PyObject;
    try {
      keys = callWith(keysMethod, []);
    } finally {
      decref(keysMethod);
    }
    try {
      printer.enumerate(keys, (key, index) => {
        if (index > 0) {
          printer.text(",");
          printer.breakable();
        }
        printer.pretty(key);
        printer.text(": ");
        const item = getItem(value, key);
        try {
          printer.pretty(item);
        } finally {
          decref(item);
        }
      });
    } finally {
      decref(keys);
    }
    printer.endGroup(step, end);
  };
}
