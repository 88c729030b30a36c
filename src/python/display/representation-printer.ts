// IPython's RepresentationPrinter: the layout engine plus `pretty(obj)`, which picks a printer
// for an object the way IPython does (singletons, then the class's MRO: registered printers,
// deferred printers by module and name, `_repr_pretty_`, an own `__repr__`; else the default).
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/object.js";
import { rt } from "../runtime/state.js";
import { PyType } from "../runtime/type.js";
import { Unsupported } from "../runtime/errors.js";
import { callable } from "../runtime/abstract/object-protocol.js";
import { LayoutPrinter } from "./layout.js";
import { printerTables, type Printer } from "./printer-tables.js";
import { getAttrString } from "../runtime/abstract/attributes.js";
import { forEachItem, safeAttribute } from "./python-access.js";
import { printRepr, printDefault } from "./repr-printers.js";
import { callReprPretty, newPrinterObject } from "./printer-object.js";
import { refusePartialListing } from "../modules/partial-listings.js";

/** Something `pretty` can be asked to show that is not a Python object (IPython's helper classes). */
export interface PrettyHelper {
  prettyInto(printer: RepresentationPrinter): void;
}

/**
 * Nesting IPython prints for sure: each level costs it two Python frames of its 3000-frame
 * recursion limit, so somewhat deeper values end in RecursionError at a depth that depends on
 * the kernel's own stack. Deeper than this the simulator refuses rather than guess.
 */
const MAX_NESTING = 1000;

export class RepresentationPrinter extends LayoutPrinter {
  /** What is being printed now, outermost first (IPython keeps their ids). */
  private readonly printing: unknown[] = [];
  /** The Python object `_repr_pretty_` methods receive as `p`, made on first need. */
  private handle: PyObject | null = null;

  /** `p` for `_repr_pretty_(self, p, cycle)`: the same object for the whole display (borrowed). */
  pythonHandle(): PyObject {
    if (this.handle === null) this.handle = newPrinterObject(this);
    return this.handle;
  }

  /** Drops the Python printer object once the display is done. */
  release(): void {
    const handle = this.handle;
    this.handle = null;
    if (handle !== null) decref(handle);
  }

  /** Shows `value` (borrowed): IPython's `RepresentationPrinter.pretty`. */
  pretty(value: PyObject): void {
    if (this.printing.length >= MAX_NESTING) throw new Unsupported(`IPython display of values nested more than ${MAX_NESTING} deep`);
    refusePartialListing(value, "the display");
    const cycle = this.printing.includes(value);
    this.printing.push(value);
    this.beginGroup();
    try {
      if (isSingleton(value)) {
        printRepr(value, this, cycle);
        return;
      }
      const objectClass = classOf(value);
      try {
        this.dispatch(value, objectClass, cycle);
      } finally {
        decref(objectClass);
      }
    } finally {
      this.endGroup();
      this.printing.pop();
    }
  }

  /** `p.pretty(helper)` for IPython's own helper objects (CallExpression, RawText, …). */
  prettyHelper(helper: PrettyHelper): void {
    this.printing.push(helper);
    this.beginGroup();
    try {
      helper.prettyInto(this);
    } finally {
      this.endGroup();
      this.printing.pop();
    }
  }

  /**
   * IPython's `_enumerate`: visits the items of `iterable` with their index, and after
   * `maxSeqLength` items writes `,` `...` instead of the rest.
   */
  enumerate(iterable: PyObject, visit: (item: PyObject, index: number) => void): void {
    let index = 0;
    forEachItem(iterable, (item) => {
      if (this.maxSeqLength > 0 && index >= this.maxSeqLength) {
        this.text(",");
        this.breakable();
        this.text("...");
        return false;
      }
      visit(item, index++);
      return true;
    });
  }

  /** The same over items already in hand (borrowed). */
  enumerateItems(items: readonly PyObject[], visit: (item: PyObject, index: number) => void): void {
    for (let index = 0; index < items.length; index++) {
      if (this.maxSeqLength > 0 && index >= this.maxSeqLength) {
        this.text(",");
        this.breakable();
        this.text("...");
        return;
      }
      visit(items[index]!, index);
    }
  }

  private dispatch(value: PyObject, objectClass: PyType, cycle: boolean): void {
    const tables = printerTables();
    for (const klass of objectClass.mro) {
      const registered = tables.printerFor(klass);
      if (registered !== null) {
        registered(value, this, cycle);
        return;
      }
      if (klass.namespace.has("_repr_pretty_")) {
        // `cls._repr_pretty_`: read from the class, not the instance, and called with obj.
        const method = getAttrString(klass, "_repr_pretty_");
        try {
          if (callable(method)) {
            callReprPretty(method, value, this, cycle);
            return;
          }
        } finally {
          decref(method);
        }
      }
      const ownRepr = klass.namespace.get("__repr__");
      if (klass !== rt.types.object && ownRepr !== undefined && callable(ownRepr)) {
        printRepr(value, this, cycle);
        return;
      }
    }
    printDefault(value, this, cycle);
  }
}

/** None, True, False, Ellipsis and NotImplemented are shown by their repr, whatever else holds. */
function isSingleton(value: PyObject): boolean {
  return value === rt.None || value === rt.True || value === rt.False || value === rt.Ellipsis || value === rt.NotImplemented;
}

/** `_safe_getattr(obj, '__class__', None) or type(obj)`, as a new reference to a type. */
export function classOf(value: PyObject): PyType {
  const claimed = safeAttribute(value, "__class__");
  if (claimed instanceof PyType) return claimed;
  if (claimed !== null) {
    const isFalsy = claimed === rt.None;
    decref(claimed);
    // A `__class__` that is not a class: IPython would walk whatever it is; not modelled.
    if (!isFalsy) throw new Unsupported("IPython display of an object whose __class__ is not a class");
  }
  value.type.refcount++;
  return value.type;
}

export type { Printer };
